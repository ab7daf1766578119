/**
 * Where a queue file's JSON breaks, in words: " at line 3, column 7 (value expected)". V8's
 * JSON.parse no longer says where the error is, so the text is scanned again by a strict JSON
 * scanner of our own (jsonSyntaxScanner.ts), which reports an offset. Only the failure path needs
 * it: this file is the entry point of `dist/jsonSyntax.js`, loaded then.
 */
import { firstJsonSyntaxError } from './jsonSyntaxScanner';

export function firstSyntaxError(text: string): string {
  const first = firstJsonSyntaxError(text);
  if (!first) return '';
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column} (${describeSyntaxError(first.kind)})`;
}

/** "valueExpected" → "value expected". */
function describeSyntaxError(kind: string): string {
  return kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
