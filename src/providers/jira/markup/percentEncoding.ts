/** What stays as it is in an encoded address besides letters and digits: the URL's delimiters and marks. */
const UNENCODED = new Set(";/?:@&=+$,-_.!~*'()#");

/**
 * Percent-encodes what may not stand in an address (spaces, quotes, non-ASCII as UTF-8), keeping
 * escapes already written (`%20`); a lone surrogate becomes U+FFFD's bytes.
 */
export function percentEncode(text: string): string {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25 && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      result += text.slice(i, i + 3);
      i += 2;
    } else if (code < 0x80) {
      const char = text[i];
      result += /[0-9a-z]/i.test(char) || UNENCODED.has(char) ? char : `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      result += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      result += '%EF%BF%BD';
    } else {
      result += encodeURIComponent(text[i]);
    }
  }
  return result;
}

/** ASCII characters left encoded by percentDecode: decoded, they would change what the address means. */
const KEPT_ENCODED = new Set(';/?:@&=+$,#%');

/** Decodes runs of percent-escapes as UTF-8 for display; a byte that is not valid UTF-8 shows as U+FFFD. */
export function percentDecode(text: string): string {
  return text.replace(/(%[a-f0-9]{2})+/gi, (run) => {
    const bytes = run
      .slice(1)
      .split('%')
      .map((hex) => parseInt(hex, 16));
    let result = '';
    for (let i = 0; i < bytes.length;) {
      const [char, used] = utf8Char(bytes, i);
      result += char;
      i += used;
    }
    return result;
  });
}

/** The character the UTF-8 sequence at `bytes[i]` stands for and how many bytes it took, as mdurl reads them. */
function utf8Char(bytes: readonly number[], i: number): [string, number] {
  const b1 = bytes[i];
  if (b1 < 0x80) {
    const char = String.fromCharCode(b1);
    return [KEPT_ENCODED.has(char) ? `%${b1.toString(16).toUpperCase().padStart(2, '0')}` : char, 1];
  }
  const length = (b1 & 0xe0) === 0xc0 ? 2 : (b1 & 0xf0) === 0xe0 ? 3 : (b1 & 0xf8) === 0xf0 ? 4 : 1;
  const rest = bytes.slice(i + 1, i + length);
  if (length === 1 || rest.length < length - 1 || rest.some((byte) => (byte & 0xc0) !== 0x80)) return ['\ufffd', 1];
  let code = b1 & (0xff >> (length + 1));
  for (const byte of rest) code = (code << 6) | (byte & 0x3f);
  const [min, max] = ({ 2: [0x80, 0x7ff], 3: [0x800, 0xffff], 4: [0x10000, 0x10ffff] } as const)[length];
  if (code < min || code > max || (code >= 0xd800 && code <= 0xdfff)) return ['\ufffd'.repeat(length), length];
  return [String.fromCodePoint(code), length];
}
