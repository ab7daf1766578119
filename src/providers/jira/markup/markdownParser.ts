import MarkdownIt from 'markdown-it';

/**
 * The Markdown the ticket panel renders (markdown-it, raw HTML off), read into tokens. Its nesting
 * limit bounds how deep any converted document can be, whatever the input.
 */
const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

/** One markdown-it token: a block opening or closing (`nesting` 1 or -1), a leaf, or inline text with `children`. */
export type MarkdownToken = ReturnType<typeof parser.parse>[number];

export function markdownTokens(markdown: string): MarkdownToken[] {
  return parser.parse(markdown, {});
}

/** A token's attribute as text, empty when absent. */
export function attribute(token: MarkdownToken, name: string): string {
  return String(token.attrGet(name) ?? '');
}
