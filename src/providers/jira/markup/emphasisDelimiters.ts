import type { Delimiter, InlineState } from './inlineState';
import type { MarkdownToken } from './markdownToken';
import { MAX_NESTING } from './nestingLimit';

const TILDE = 0x7e;
const STAR = 0x2a;
const UNDERSCORE = 0x5f;

/** A run of `*` or `_`: one text token and one delimiter per character, paired after the text is read. */
export function emphasis(state: InlineState, silent: boolean): boolean {
  const marker = state.src.charCodeAt(state.pos);
  if (silent || (marker !== UNDERSCORE && marker !== STAR)) return false;
  const scanned = state.scanDelimiters(state.pos, marker === STAR);
  for (let i = 0; i < scanned.length; i++) {
    state.push('text', '', 0).content = String.fromCharCode(marker);
    state.delimiters.push({ marker, length: scanned.length, token: state.tokens.length - 1, end: -1, open: scanned.canOpen, close: scanned.canClose });
  }
  state.pos += scanned.length;
  return true;
}

/** A run of two `~` or more: a delimiter per pair (an odd one out stays text), paired after the text is read. */
export function strikethrough(state: InlineState, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== TILDE) return false;
  const scanned = state.scanDelimiters(state.pos, true);
  let length = scanned.length;
  if (length < 2) return false;
  if (length % 2) {
    state.push('text', '', 0).content = '~';
    length--;
  }
  for (let i = 0; i < length; i += 2) {
    state.push('text', '', 0).content = '~~';
    state.delimiters.push({ marker: TILDE, length: 0, token: state.tokens.length - 1, end: -1, open: scanned.canOpen, close: scanned.canClose });
  }
  state.pos += scanned.length;
  return true;
}

/**
 * Pairs each closer with the nearest opener of its marker, by CommonMark's rules (the rule of three
 * included). `jumps` and the lowest opener tried for each kind of closer keep this linear on long
 * runs of openers that never close.
 */
export function pairDelimiters(delimiters: Delimiter[]): void {
  const openersBottom = new Map<number, number[]>();
  const jumps: number[] = [];
  let headerIdx = 0;
  let lastTokenIdx = -2;
  for (let closerIdx = 0; closerIdx < delimiters.length; closerIdx++) {
    const closer = delimiters[closerIdx];
    jumps.push(0);
    // Delimiters of one run, token after token, are tried from the run's start.
    if (delimiters[headerIdx].marker !== closer.marker || lastTokenIdx !== closer.token - 1) headerIdx = closerIdx;
    lastTokenIdx = closer.token;
    if (!closer.close) continue;
    let bottoms = openersBottom.get(closer.marker);
    if (!bottoms) openersBottom.set(closer.marker, (bottoms = [-1, -1, -1, -1, -1, -1]));
    const bottomIndex = (closer.open ? 3 : 0) + (closer.length % 3);
    let openerIdx = headerIdx - jumps[headerIdx] - 1;
    let newMinOpenerIdx = openerIdx;
    for (; openerIdx > bottoms[bottomIndex]; openerIdx -= jumps[openerIdx] + 1) {
      const opener = delimiters[openerIdx];
      if (opener.marker !== closer.marker || !opener.open || opener.end >= 0) continue;
      const oddMatch = (opener.close || closer.open) && (opener.length + closer.length) % 3 === 0 && (opener.length % 3 !== 0 || closer.length % 3 !== 0);
      if (oddMatch) continue;
      const lastJump = openerIdx > 0 && !delimiters[openerIdx - 1].open ? jumps[openerIdx - 1] + 1 : 0;
      jumps[closerIdx] = closerIdx - openerIdx + lastJump;
      jumps[openerIdx] = lastJump;
      closer.open = false;
      opener.end = closerIdx;
      opener.close = false;
      newMinOpenerIdx = -1;
      lastTokenIdx = -2;
      break;
    }
    if (newMinOpenerIdx !== -1) bottoms[bottomIndex] = newMinOpenerIdx;
  }
}

function becomeTag(token: MarkdownToken, type: string, tag: string, nesting: 1 | -1, markup: string): void {
  token.type = type;
  token.tag = tag;
  token.nesting = nesting;
  token.markup = markup;
  token.content = '';
}

/** Turns paired `~~` into `s_open` and `s_close`; a lone `~` just inside a closer moves out past it. */
export function closeStrikethrough(tokens: MarkdownToken[], delimiters: readonly Delimiter[]): void {
  const loneMarkers: number[] = [];
  for (const start of delimiters) {
    if (start.marker !== TILDE || start.end === -1) continue;
    const end = delimiters[start.end];
    becomeTag(tokens[start.token], 's_open', 's', 1, '~~');
    becomeTag(tokens[end.token], 's_close', 's', -1, '~~');
    const before = tokens[end.token - 1];
    if (before.type === 'text' && before.content === '~') loneMarkers.push(end.token - 1);
  }
  while (loneMarkers.length > 0) {
    const i = loneMarkers.pop() ?? 0;
    let j = i + 1;
    while (j < tokens.length && tokens[j].type === 's_close') j++;
    j--;
    if (i !== j) [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
  }
}

/** Turns paired `*` and `_` into em, and two pairs right inside each other into strong. */
export function closeEmphasis(tokens: MarkdownToken[], delimiters: readonly Delimiter[]): void {
  for (let i = delimiters.length - 1; i >= 0; i--) {
    const start = delimiters[i];
    if ((start.marker !== UNDERSCORE && start.marker !== STAR) || start.end === -1) continue;
    const end = delimiters[start.end];
    const outer = i > 0 ? delimiters[i - 1] : undefined;
    const isStrong =
      outer !== undefined &&
      outer.end === start.end + 1 &&
      outer.marker === start.marker &&
      outer.token === start.token - 1 &&
      delimiters[start.end + 1].token === end.token + 1;
    const markup = String.fromCharCode(start.marker).repeat(isStrong ? 2 : 1);
    becomeTag(tokens[start.token], isStrong ? 'strong_open' : 'em_open', isStrong ? 'strong' : 'em', 1, markup);
    becomeTag(tokens[end.token], isStrong ? 'strong_close' : 'em_close', isStrong ? 'strong' : 'em', -1, markup);
    if (isStrong) {
      tokens[outer.token].content = '';
      tokens[delimiters[start.end + 1].token].content = '';
      i--;
    }
  }
}

/**
 * Reads emphasis nested deeper than the nesting limit back as the text that made it: every text
 * node of Jira's document carries all the marks around it, so unbounded nesting would make a
 * document the square of the note's size.
 */
export function flattenDeepEmphasis(tokens: MarkdownToken[]): void {
  const flattened: boolean[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.nesting === 1) {
      const flatten = depth >= MAX_NESTING && token.type !== 'link_open';
      flattened.push(flatten);
      if (flatten) becomeText(token);
      else depth++;
    } else if (token.nesting === -1) {
      if (flattened.pop()) becomeText(token);
      else depth--;
    }
  }
}

function becomeText(token: MarkdownToken): void {
  token.type = 'text';
  token.tag = '';
  token.nesting = 0;
  token.content = token.markup;
}
