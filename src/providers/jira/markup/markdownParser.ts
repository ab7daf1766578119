import { blockTokens } from './blockReader';
import { inlineTokens } from './inlineReader';
import type { MarkdownToken } from './markdownToken';

/**
 * The Markdown the ticket panel renders (CommonMark with GFM tables and strike-through, raw HTML
 * shown as text, no reference links), read into tokens of the shape markdown-it gives. Syntax the
 * reader does not know stays as text, and its nesting limit bounds how deep a converted document can
 * be, whatever the input.
 *
 * The block and inline rules beside this file follow markdown-it's own, rule by rule and with its
 * names for the line tables, so that a note is read exactly as the panel reads it: they are derived
 * from markdown-it (MIT License, Copyright (c) 2014 Vitaly Puzrin, Alex Kocharin), whose licence is
 * in dist/ThirdPartyNotices.txt with every other package the bundles carry.
 */
export function markdownTokens(markdown: string): MarkdownToken[] {
  const src = markdown.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd');
  const tokens = blockTokens(src);
  for (const token of tokens) if (token.type === 'inline') token.children = inlineTokens(token.content);
  return tokens;
}
