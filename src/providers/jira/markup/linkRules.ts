import { isSafeLink, normalizeLink, normalizeLinkText } from './linkAddress';
import { parseLinkDestination, parseLinkLabel, skipLinkTitle } from './linkSyntax';
import type { InlineState } from './inlineState';
import { isSpace } from './markdownCharacters';

function skipWhitespace(src: string, pos: number, max: number): number {
  while (pos < max && (isSpace(src.charCodeAt(pos)) || src.charCodeAt(pos) === 0x0a)) pos++;
  return pos;
}

/**
 * The `(destination "title")` after a link's or image's label, from its `(`: where it ends and the
 * address, empty when there is none or it may not be linked. Undefined when it does not close.
 */
function linkTarget(state: InlineState, open: number): { end: number; href: string } | undefined {
  const { src, posMax: max } = state;
  let pos = skipWhitespace(src, open + 1, max);
  if (pos >= max) return undefined;
  let href = '';
  const destination = parseLinkDestination(src, pos, max);
  if (destination) {
    href = normalizeLink(destination.str);
    // An address that may not be linked is left where it is: unless it was empty, the link does not close.
    if (isSafeLink(href)) pos = destination.pos;
    else href = '';
  }
  const afterDestination = pos;
  pos = skipWhitespace(src, pos, max);
  const titleEnd = skipLinkTitle(src, pos, max);
  if (pos < max && afterDestination !== pos && titleEnd !== undefined) pos = skipWhitespace(src, titleEnd, max);
  if (pos >= max || src.charCodeAt(pos) !== 0x29) return undefined;
  return { end: pos + 1, href };
}

/** `[text](destination "title")`: the text read as inline Markdown, with no link inside. */
export function link(state: InlineState, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b) return false;
  const max = state.posMax;
  const labelStart = state.pos + 1;
  const labelEnd = parseLinkLabel(state, state.pos, true);
  if (labelEnd < 0 || labelEnd + 1 >= max || state.src.charCodeAt(labelEnd + 1) !== 0x28) return false;
  const target = linkTarget(state, labelEnd + 1);
  if (!target) return false;
  if (!silent) {
    state.pos = labelStart;
    state.posMax = labelEnd;
    state.push('link_open', 'a', 1).attrs.href = target.href;
    state.reader.readInline(state);
    state.push('link_close', 'a', -1);
  }
  state.pos = target.end;
  state.posMax = max;
  return true;
}

/** `![description](source "title")`. */
export function image(state: InlineState, silent: boolean): boolean {
  const { src, pos: start } = state;
  if (src.charCodeAt(start) !== 0x21 || src.charCodeAt(start + 1) !== 0x5b) return false;
  const labelStart = start + 2;
  const labelEnd = parseLinkLabel(state, start + 1, false);
  if (labelEnd < 0 || labelEnd + 1 >= state.posMax || src.charCodeAt(labelEnd + 1) !== 0x28) return false;
  const target = linkTarget(state, labelEnd + 1);
  if (!target) return false;
  if (!silent) {
    // The description stays as written: Jira's bodies show it as the image's text, not as markup.
    const token = state.push('image', 'img', 0);
    token.attrs.src = target.href;
    token.content = src.slice(labelStart, labelEnd);
  }
  state.pos = target.end;
  return true;
}

const EMAIL = /^([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)$/;
// eslint-disable-next-line no-control-regex -- CommonMark's absolute URI: no controls, spaces or angle brackets.
const ABSOLUTE_URI = /^([a-zA-Z][a-zA-Z0-9+.-]{1,31}):([^<>\x00-\x20]*)$/;

/** `<scheme:address>` and `<name@host>`: linked to themselves. */
export function autolink(state: InlineState, silent: boolean): boolean {
  const { src, pos: start, posMax: max } = state;
  if (src.charCodeAt(start) !== 0x3c) return false;
  let pos = start;
  for (;;) {
    if (++pos >= max) return false;
    const ch = src.charCodeAt(pos);
    if (ch === 0x3c) return false;
    if (ch === 0x3e) break;
  }
  const url = src.slice(start + 1, pos);
  const isUri = ABSOLUTE_URI.test(url);
  if (!isUri && !EMAIL.test(url)) return false;
  const href = normalizeLink(isUri ? url : `mailto:${url}`);
  if (!isSafeLink(href)) return false;
  if (!silent) {
    state.push('link_open', 'a', 1).attrs.href = href;
    state.push('text', '', 0).content = normalizeLinkText(url);
    state.push('link_close', 'a', -1);
  }
  state.pos += url.length + 2;
  return true;
}
