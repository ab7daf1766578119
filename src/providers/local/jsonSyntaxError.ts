/**
 * Where a queue file's JSON breaks, in words: " at line 3, column 7 (value expected)". V8's
 * JSON.parse no longer says where the error is, so the text is scanned again by VS Code's own JSON
 * scanner, which reports an offset. Only the failure path needs it: this file is the entry point
 * of `dist/jsonSyntax.js`, loaded then.
 */
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';

export function firstSyntaxError(text: string): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return '';
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column} (${describeSyntaxError(printParseErrorCode(first.error))})`;
}

/** "ValueExpected" → "value expected". */
function describeSyntaxError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
