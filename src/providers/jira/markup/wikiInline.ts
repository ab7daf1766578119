import { codeSpan, escapeMarkdown } from './markdownText';

// Private-use characters stand in for converted pieces while the rest of the line is read: wiki text
// never legitimately holds them, so they are removed from the input first.
const PRIVATE = /[\uE000-\uE0FF]/g;
const SLOT = /\uE010(\d+)\uE011/g;

/** The emphasis of wiki markup: a marker that opens after a non-word character and closes before one. */
const EMPHASIS: readonly [RegExp, string][] = [
  [/(?<![\p{L}\p{N}])\*([^\s*](?:[^*\n]*[^\s*])?)\*(?![\p{L}\p{N}])/gu, '\uE000'],
  [/(?<![\p{L}\p{N}])_([^\s_](?:[^_\n]*[^\s_])?)_(?![\p{L}\p{N}])/gu, '\uE001'],
  [/(?<![\p{L}\p{N}])-([^\s-](?:[^-\n]*[^\s-])?)-(?![\p{L}\p{N}])/gu, '\uE002'],
];

const MARKDOWN_EMPHASIS: Record<string, string> = { '\uE000': '**', '\uE001': '*', '\uE002': '~~' };

/**
 * Pieces read whole before emphasis: forced line breaks, escapes, monospace, links and images. Each
 * pattern stops at the first character that would end it, so a line of unclosed openers stays linear.
 */
const PIECES = /\\\\ *|\\(.)|\{\{((?:[^{}\\\n]|\\.|\}(?!\}))*)\}\}|\[([^[\]\n]*)\]|!([^\s!|]+\.[A-Za-z0-9]+|https?:\/\/[^\s!|]+)(?:\|[^!\n]*)?!/g;

/** One line of Jira wiki markup's inline text to Markdown. */
export function wikiInlineToMarkdown(line: string, linkText = true): string {
  const slots: string[] = [];
  const slot = (markdown: string): string => `\uE010${slots.push(markdown) - 1}\uE011`;
  let text = line.replace(PRIVATE, '').replace(PIECES, (whole, escaped?: string, monospace?: string, link?: string, image?: string) => {
    if (whole.startsWith('\\\\')) return slot('\\\n');
    if (escaped !== undefined) return slot(escapeMarkdown(escaped));
    if (monospace !== undefined) return slot(codeSpan(monospace.replace(/\\([{}])/g, '$1')));
    if (link !== undefined) return slot(wikiLink(link, linkText));
    return slot(image === undefined ? escapeMarkdown(whole) : attachment(image));
  });
  for (const [pattern, marker] of EMPHASIS) text = text.replace(pattern, `${marker}$1${marker}`);
  return escapeMarkdown(text)
    .replace(/[\uE000-\uE002]/g, (marker) => MARKDOWN_EMPHASIS[marker] ?? '')
    .replace(SLOT, (_whole, index: string) => slots[Number(index)] ?? '');
}

/** `[text|url]`, `[url]`, `[~user]` and `[^attachment]`; anything else in brackets stays text. */
function wikiLink(body: string, linkText: boolean): string {
  const [first = '', second] = body.split('|');
  if (first.startsWith('~')) return escapeMarkdown(`@${first.slice(1).replace(/^accountid:/, '')}`);
  if (first.startsWith('^')) return attachment(first.slice(1));
  const target = (second ?? first).trim();
  if (!/^(https?:|mailto:|ftp:)/i.test(target)) return escapeMarkdown(`[${body}]`);
  const address = target.replace(/[\s<>()]/g, encodeURIComponent);
  if (second === undefined) return `<${address}>`;
  return `[${linkText ? wikiInlineToMarkdown(first, false) : escapeMarkdown(first)}](${address})`;
}

function attachment(name: string): string {
  if (/^https?:\/\//i.test(name)) return `<${name.replace(/[\s<>]/g, encodeURIComponent)}>`;
  return `*${escapeMarkdown(`Attachment: ${name}`)}*`;
}
