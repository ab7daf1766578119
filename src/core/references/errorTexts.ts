/**
 * Error messages and log lines quoted in a ticket, as literal strings worth a `git grep -F`: the
 * code that prints a message is often the code to look at. Volatile parts (timestamps, ids,
 * long numbers) are cut off, since the source code does not contain them.
 */
import type { Ticket } from '../ticket';

const MAX_TEXTS = 8;
const MIN_LENGTH = 12;
const ERROR_WORDS = /(error|exception|fail|invalid|cannot|can't|unable|denied|timed? ?out|refused|not found|unbalanced|missing)/i;

export function errorTextsIn(ticket: Pick<Ticket, 'title' | 'description' | 'comments'>): string[] {
  const texts = [ticket.title, ticket.description, ...ticket.comments.map((c) => c.body)];
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/"([^"\n]{12,160})"/g)) add(found, match[1] ?? '');
    for (const block of text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)) {
      for (const line of (block[1] ?? '').split('\n')) if (ERROR_WORDS.test(line) && !/^\s*(at |File ")/.test(line)) add(found, messagePart(line));
    }
  }
  return [...found].slice(0, MAX_TEXTS);
}

/** The stable words of a log line: after any level or exception name, without volatile values. */
function messagePart(line: string): string {
  const afterPrefix = line.replace(/^.*?\b(?:ERROR|Error|error|Exception|FATAL|WARN)\b[:\]]?\s*/, '');
  const pieces = afterPrefix
    .replace(/\[[^\]]*\]/g, '  ')
    .replace(/\b\d{4}-\d\d-\d\d[T ][\d:.,]+Z?/g, '  ')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '  ')
    .replace(/\b\d{4,}\b/g, '  ')
    .split(/\s{2,}|"|'/)
    .map((piece) => piece.trim());
  // The longest piece left is the message itself.
  return pieces.reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');
}

function add(found: Set<string>, raw: string): void {
  const text = raw.trim().replace(/[.:,;]+$/, '');
  if (text.length >= MIN_LENGTH && text.length <= 160) found.add(text);
}
