import { unescapeAll } from './htmlEntities';
import type { InlineState } from './inlineState';

/**
 * Where the label of a link or image opened by the `[` at `start` closes, or -1. Code spans and
 * other pieces inside are skipped whole; with `disableNested`, a link inside makes this no link.
 */
export function parseLinkLabel(state: InlineState, start: number, disableNested: boolean): number {
  const oldPos = state.pos;
  let level = 1;
  let found = false;
  state.pos = start + 1;
  while (state.pos < state.posMax) {
    const marker = state.src.charCodeAt(state.pos);
    if (marker === 0x5d && --level === 0) {
      found = true;
      break;
    }
    const prevPos = state.pos;
    state.reader.skipToken(state);
    if (marker === 0x5b) {
      if (prevPos === state.pos - 1) level++;
      else if (disableNested) {
        state.pos = oldPos;
        return -1;
      }
    }
  }
  const labelEnd = found ? state.pos : -1;
  state.pos = oldPos;
  return labelEnd;
}

/** A link's destination: `<…>` on one line, or text without spaces or controls with balanced parentheses. */
export function parseLinkDestination(src: string, start: number, max: number): { pos: number; str: string } | undefined {
  let pos = start;
  if (src.charCodeAt(pos) === 0x3c) {
    for (pos++; pos < max; pos++) {
      const code = src.charCodeAt(pos);
      if (code === 0x0a || code === 0x3c) return undefined;
      if (code === 0x3e) return { pos: pos + 1, str: unescapeAll(src.slice(start + 1, pos)) };
      if (code === 0x5c && pos + 1 < max) pos++;
    }
    return undefined;
  }
  let level = 0;
  while (pos < max) {
    const code = src.charCodeAt(pos);
    if (code === 0x20 || code < 0x20 || code === 0x7f) break;
    if (code === 0x5c && pos + 1 < max) {
      // A backslash before a space is the destination's last character.
      pos += src.charCodeAt(pos + 1) === 0x20 ? 1 : 2;
      continue;
    }
    if (code === 0x28 && ++level > 32) return undefined;
    if (code === 0x29) {
      if (level === 0) break;
      level--;
    }
    pos++;
  }
  if (start === pos || level !== 0) return undefined;
  return { pos, str: unescapeAll(src.slice(start, pos)) };
}

/** Where a link's title in `"…"`, `'…'` or `(…)` ends, or undefined when there is none. Jira's bodies have no place for it. */
export function skipLinkTitle(src: string, start: number, max: number): number | undefined {
  if (start >= max) return undefined;
  let marker = src.charCodeAt(start);
  if (marker !== 0x22 && marker !== 0x27 && marker !== 0x28) return undefined;
  if (marker === 0x28) marker = 0x29;
  for (let pos = start + 1; pos < max; pos++) {
    const code = src.charCodeAt(pos);
    if (code === marker) return pos + 1;
    if (code === 0x28 && marker === 0x29) return undefined;
    if (code === 0x5c && pos + 1 < max) pos++;
  }
  return undefined;
}
