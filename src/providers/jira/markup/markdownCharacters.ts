/** Space or tab: what Markdown's block structure counts as indentation. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Unicode whitespace as CommonMark's emphasis rules read it: the `Zs` category, tab, and the line-ending controls. */
export function isWhiteSpace(code: number): boolean {
  if (code >= 0x2000 && code <= 0x200a) return true;
  return [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000].includes(code);
}

const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/** Unicode punctuation and symbols, which decide whether an emphasis marker can open or close. */
export function isPunctuation(code: number): boolean {
  const char = String.fromCodePoint(code);
  return ASCII_PUNCTUATION.has(char) || /[\p{P}\p{S}]/u.test(char);
}

/** Trims the ASCII spaces, tabs and line ends of a block's text, keeping Unicode spaces, which are content. */
export function asciiTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmable(text.charCodeAt(start))) start++;
  while (end > start && isTrimmable(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isTrimmable(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
