import { closeEmphasis, closeStrikethrough, emphasis, flattenDeepEmphasis, pairDelimiters, strikethrough } from './emphasisDelimiters';
import { InlineState, type InlineReader, type InlineRule } from './inlineState';
import { autolink, image, link } from './linkRules';
import type { MarkdownToken } from './markdownToken';
import { MAX_NESTING } from './nestingLimit';
import { codeSpan, entity, escape, newline, text } from './textRules';

/** The rules in the order they are tried at each position; a character no rule takes is text. */
const RULES: readonly InlineRule[] = [text, newline, escape, codeSpan, strikethrough, emphasis, link, image, autolink, entity];

function readInline(state: InlineState): void {
  const end = state.posMax;
  while (state.pos < end) {
    const ok = state.level < MAX_NESTING && RULES.some((rule) => rule(state, false));
    if (ok) {
      if (state.pos >= end) break;
      continue;
    }
    state.pending += state.src[state.pos++];
  }
  if (state.pending) state.pushPending();
}

/** Moves past one piece (a code span, a link, a character) while a label is scanned; each position's end is remembered. */
function skipToken(state: InlineState): void {
  const pos = state.pos;
  const known = state.skipped.get(pos);
  if (known !== undefined) {
    state.pos = known;
    return;
  }
  let ok = false;
  if (state.level < MAX_NESTING) {
    state.level++;
    ok = RULES.some((rule) => rule(state, true));
    state.level--;
  } else {
    state.pos = state.posMax;
  }
  if (!ok) state.pos++;
  state.skipped.set(pos, state.pos);
}

const READER: InlineReader = { readInline, skipToken };

/** Merges each run of text tokens (escapes and references included) into one. */
function joinText(tokens: readonly MarkdownToken[]): MarkdownToken[] {
  const joined: MarkdownToken[] = [];
  for (const token of tokens) {
    if (token.type === 'text_special') token.type = 'text';
    const last = joined.at(-1);
    if (token.type === 'text' && last?.type === 'text') last.content += token.content;
    else joined.push(token);
  }
  return joined;
}

/** The inline tokens of a block's text: emphasis paired, text runs merged. */
export function inlineTokens(src: string): MarkdownToken[] {
  const state = new InlineState(src, READER, []);
  readInline(state);
  const lists = [state.delimiters, ...state.linkDelimiters];
  for (const delimiters of lists) pairDelimiters(delimiters);
  for (const delimiters of lists) closeStrikethrough(state.tokens, delimiters);
  for (const delimiters of lists) closeEmphasis(state.tokens, delimiters);
  flattenDeepEmphasis(state.tokens);
  return joinText(state.tokens);
}
