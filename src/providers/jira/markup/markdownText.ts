/** Backslash-escapes what Markdown would read as syntax inside running text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/**
 * Escapes what would start a block at the beginning of a line: a heading, a quote, a list item,
 * a rule. Applied to each line of a paragraph once its inline text is rendered.
 */
export function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+\-=]|\d+[.)])/, (_match, space: string, marker: string) => `${space}${marker.replace(/[#>+\-=.)]$/, '\\$&')}`);
}

/** An inline code span whose fence is longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block keeping `code` byte for byte: the fence outruns every backtick run inside. */
export function codeFence(code: string, language: string | undefined): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  const body = code === '' || code.endsWith('\n') ? code : `${code}\n`;
  return `${fence}${language ?? ''}\n${body}${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** Indents every line but the first by `width` spaces: the continuation of a list item. */
export function indentFollowing(block: string, width: number): string {
  const pad = ' '.repeat(width);
  return block
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}
