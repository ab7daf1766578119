import { blockTokens } from './blockReader';
import { inlineTokens } from './inlineReader';
import type { MarkdownToken } from './markdownToken';

/**
 * The Markdown the ticket panel renders (CommonMark with GFM tables and strike-through, raw HTML
 * shown as text, no reference links), read into tokens of the shape markdown-it gives. Syntax the
 * reader does not know stays as text, and its nesting limit bounds how deep a converted document can
 * be, whatever the input.
 */
export function markdownTokens(markdown: string): MarkdownToken[] {
  const src = markdown.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd');
  const tokens = blockTokens(src);
  for (const token of tokens) if (token.type === 'inline') token.children = inlineTokens(token.content);
  return tokens;
}
