/**
 * The tokens of JSON text (RFC 8259, sections 2 to 7), one at a time. Only space, tab, line feed and
 * carriage return separate tokens. Anything that is not punctuation, a string or a number is read as
 * a word up to the next separator, punctuation, quote or slash, so that "nul" or "True" is one bad
 * token, reported where it starts. A token with something wrong in it is `invalid`, which no place
 * in the grammar accepts, and says what is wrong in `error`.
 */

/** What the grammar sees: punctuation as itself, a string, another literal (number, true, false, null), the end of the text, or a bad token. */
export type TokenKind = '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'literal' | 'end' | 'invalid';

export type TokenError =
  | 'invalidSymbol'
  | 'invalidCommentToken'
  | 'unexpectedEndOfNumber'
  | 'unexpectedEndOfString'
  | 'invalidUnicode'
  | 'invalidEscapeCharacter'
  | 'invalidCharacter';

// Characters are compared as one-character strings; past the end of the text they are undefined, which matches none.
const SPACE = ' \t\n\r';
const PUNCTUATION = '{}[]:,';
const WORD_ENDS = SPACE + PUNCTUATION + '"/';
/** What may follow a backslash in a string, \u aside. */
const SHORT_ESCAPES = '"\\/bfnrt';
const HEX_DIGITS = '0123456789abcdefABCDEF';
const LITERALS = ['true', 'false', 'null'];
/** The number's grammar, with a fraction or exponent that has no digits taken in whole, to be refused. */
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d*)?([eE][+-]?\d*)?/y;

const isDigit = (char: string): boolean => char >= '0' && char <= '9';

export class JsonTokens {
  /** The current token; `end` once the text is read, and every time after. */
  kind: TokenKind = 'end';
  /** Where the current token starts, past the whitespace before it. */
  start = 0;
  /** What is wrong with the current token when it is `invalid`. */
  error: TokenError | undefined;
  private end = 0;

  constructor(private readonly text: string) {}

  next(): TokenKind {
    const text = this.text;
    let start = this.end;
    while (SPACE.includes(text[start])) start++;
    this.start = start;
    const [kind, end] = start < text.length ? tokenAt(text, start) : ['end' as const, start];
    this.error = undefined;
    if (typeof end === 'number') {
      this.end = end;
      return (this.kind = kind);
    }
    this.error = end;
    return (this.kind = 'invalid');
  }
}

/** The token starting at `start` (not whitespace, not the end): its kind and where it ends, or what is wrong with it. */
function tokenAt(text: string, start: number): [TokenKind, number | TokenError] {
  const char = text[start];
  if (PUNCTUATION.includes(char)) return [char as TokenKind, start + 1];
  if (char === '"') return ['string', stringEnd(text, start)];
  if (char === '-' || isDigit(char)) return ['literal', numberEnd(text, start)];
  if (char === '/') return ['literal', text[start + 1] === '/' || text[start + 1] === '*' ? 'invalidCommentToken' : 'invalidSymbol'];
  let end = start + 1;
  while (end < text.length && !WORD_ENDS.includes(text[end])) end++;
  return ['literal', LITERALS.includes(text.slice(start, end)) ? end : 'invalidSymbol'];
}

/**
 * A string runs to its closing quote, or to the first line break or the end of the text, which
 * leave it unterminated. A bad escape or a control character does not end it; of several
 * problems in one string, the last is the one reported.
 */
function stringEnd(text: string, start: number): number | TokenError {
  let error: TokenError | undefined;
  let at = start + 1;
  for (;;) {
    const char = text[at++];
    if (char === undefined || char === '\n' || char === '\r') return 'unexpectedEndOfString';
    if (char === '"') return error ?? at;
    if (char === '\\') {
      const escaped = text[at++];
      if (escaped === undefined) return 'unexpectedEndOfString';
      if (escaped === 'u') {
        const hexEnd = at + 4;
        while (at < hexEnd && HEX_DIGITS.includes(text[at])) at++;
        if (at < hexEnd) error = 'invalidUnicode';
      } else if (!SHORT_ESCAPES.includes(escaped)) error = 'invalidEscapeCharacter';
    } else if (char < ' ') error = 'invalidCharacter';
  }
}

/** A minus with no digit after it is a symbol on its own. */
function numberEnd(text: string, start: number): number | TokenError {
  NUMBER.lastIndex = start;
  const [number, fraction, exponent] = NUMBER.exec(text) ?? [];
  if (number === undefined) return 'invalidSymbol';
  return fraction === '.' || (exponent !== undefined && !isDigit(exponent.slice(-1))) ? 'unexpectedEndOfNumber' : start + number.length;
}
