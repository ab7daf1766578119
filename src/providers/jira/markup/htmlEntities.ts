/**
 * The named character references people type in notes: markup characters, spaces, typography,
 * currency, arrows, common maths and the accented Latin-1 letters. Any other name stays as
 * written: shown literally, it is still readable.
 */
// prettier-ignore
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', shy: '\u00ad', zwnj: '\u200c',
  zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’',
  sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', dagger: '†', Dagger: '‡',
  permil: '‰', prime: '′', Prime: '″', para: '¶', sect: '§', iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º', macr: '¯', acute: '´', cedil: '¸',
  uml: '¨', circ: 'ˆ', tilde: '˜', euro: '€', pound: '£', yen: '¥', cent: '¢', curren: '¤', brvbar: '¦', times: '×', divide: '÷', plusmn: '±',
  minus: '−', deg: '°', micro: 'µ', not: '¬', frasl: '⁄', frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³', le: '≤', ge: '≥',
  ne: '≠', asymp: '≈', equiv: '≡', infin: '∞', sum: '∑', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', lArr: '⇐', rArr: '⇒', uArr: '⇑',
  dArr: '⇓', hArr: '⇔', crarr: '↵', check: '✓', cross: '✗', star: '☆', starf: '★', spades: '♠', clubs: '♣', hearts: '♥', diams: '♦', Agrave: 'À',
  Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì',
  Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï', ETH: 'Ð', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø', Ugrave: 'Ù',
  Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', THORN: 'Þ', szlig: 'ß', agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å',
  aelig: 'æ', ccedil: 'ç', egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï', eth: 'ð', ntilde: 'ñ',
  ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', thorn: 'þ',
  yuml: 'ÿ', OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ',
};

/** The character a name (`amp` of `&amp;`) stands for, or undefined for a name not in the list. */
export function namedEntity(name: string): string | undefined {
  return Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
}

/** Whether a numeric reference may stand for its code point: not a surrogate, a noncharacter or a control. */
function isValidEntityCode(code: number): boolean {
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (code >= 0xfdd0 && code <= 0xfdef) return false;
  if ((code & 0xffff) === 0xffff || (code & 0xffff) === 0xfffe) return false;
  if (code <= 0x08 || code === 0x0b || (code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f)) return false;
  return code <= 0x10ffff;
}

/** The code point of `&#123;` or `&#x7b;`, from its digits given without `&#` (`x` included). */
function entityCode(digits: string): number {
  return digits[0] === 'x' || digits[0] === 'X' ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
}

/** The character of `&#123;` or `&#x7b;` (digits given without `&#`, `x` included), U+FFFD where it may not stand. */
export function numericEntity(digits: string): string {
  const code = entityCode(digits);
  return String.fromCodePoint(isValidEntityCode(code) ? code : 0xfffd);
}

const ESCAPE_OR_ENTITY = /\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])|&([a-z#][a-z0-9]{1,31});/gi;
const NUMERIC_NAME = /^#((?:x[a-f0-9]{1,8}|[0-9]{1,8}))$/i;

/**
 * A link's destination or title, or a code fence's info string, with its backslash escapes and
 * character references read. An invalid numeric reference stays as written there.
 */
export function unescapeAll(text: string): string {
  if (!text.includes('\\') && !text.includes('&')) return text;
  return text.replace(ESCAPE_OR_ENTITY, (match, escaped: string | undefined, name: string | undefined) => {
    if (escaped) return escaped;
    const numeric = NUMERIC_NAME.exec(name ?? '');
    if (numeric) {
      const code = entityCode(numeric[1]);
      return isValidEntityCode(code) ? String.fromCodePoint(code) : match;
    }
    return namedEntity(name ?? '') ?? match;
  });
}
