import { domainToUnicode } from 'node:url';

/** The protocols whose host is written in punycode in an address and in Unicode in its text, as markdown-it does. */
const RECODED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Protocols whose address has no host after them (`javascript:`), and those that have one only after `//`. */
const HOSTLESS = new Set(['javascript:']);
const SLASHED = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:']);
/** Characters that end a host. */
const NON_HOST = /[%/?;#'{}|\\^`<>" \r\n\t]/;
const HOST_LABEL = /^[+a-z0-9A-Z_-]{0,63}$/;
const HOST_LABEL_START = /^[+a-z0-9A-Z_-]{0,63}/;

/** Where an address's host is, and whether it is a bracketed IPv6 address or a name to recode (http, https, mailto). */
export interface HostSpan {
  start: number;
  end: number;
  bracketed: boolean;
  recoded: boolean;
}

/** Where the host of a trimmed address is, read as mdurl (markdown-it's URL reader) reads it; undefined when it has none. */
export function hostOf(url: string): HostSpan | undefined {
  const protocol = /^[a-z0-9.+-]+:/i.exec(url)?.[0];
  let start = protocol?.length ?? 0;
  const slashes = url.startsWith('//', start);
  if (protocol !== undefined && HOSTLESS.has(protocol)) return undefined;
  if (slashes) start += 2;
  else if (protocol === undefined || SLASHED.has(protocol)) return undefined;
  let rest = url.slice(start);
  const hostEnd = rest.search(/[/?#]/);
  const at = hostEnd === -1 ? rest.lastIndexOf('@') : rest.lastIndexOf('@', hostEnd);
  if (at !== -1) {
    start += at + 1;
    rest = rest.slice(at + 1);
  }
  let end = rest.search(NON_HOST);
  if (end === -1) end = rest.length;
  if (rest[end - 1] === ':') end--;
  let host = rest.slice(0, end).replace(/:[0-9]*$/, '');
  const bracketed = host.startsWith('[') && host.endsWith(']');
  const labels = bracketed ? [] : host.split('.');
  for (let i = 0; i < labels.length; i++) {
    // A label of other characters ends the host where they start; non-ASCII letters are a host's.
    if (labels[i] === '' || HOST_LABEL.test(labels[i].replace(/[^\0-\x7f]/g, 'x'))) continue;
    host = [...labels.slice(0, i), HOST_LABEL_START.exec(labels[i])?.[0] ?? ''].join('.');
    break;
  }
  if (host.length > 255) return undefined;
  return { start, end: start + host.length, bracketed, recoded: !bracketed && (protocol === undefined || RECODED_PROTOCOLS.has(protocol)) };
}

/** A host name recoded by `recode`, label by label (`.` and its ideographic forms separate them). */
export function recodeLabels(host: string, recode: (label: string) => string): string {
  return host
    .split(/[.\u3002\uff0e\uff61]/)
    .map(recode)
    .join('.');
}

/** A label's punycode (`xn--…`) when it is not ASCII, as an address carries it. */
export function labelToAscii(label: string): string {
  return /[^\0-\x7f]/.test(label) ? `xn--${punycode(label)}` : label;
}

/** A punycode label (`xn--…`) in Unicode, as a link's text shows it; a label that does not decode stays as it is. */
export function labelToUnicode(label: string): string {
  if (!label.startsWith('xn--')) return label;
  return domainToUnicode(label.toLowerCase()) || label;
}

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

/** RFC 3492's bias adaptation. */
function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return Math.floor(k + ((BASE - T_MIN + 1) * d) / (d + 38));
}

function digit(value: number): string {
  return String.fromCharCode(value + 22 + 75 * (value < 26 ? 1 : 0));
}

/** RFC 3492 Punycode of a label, its ASCII letters kept as they are written. */
function punycode(label: string): string {
  const points = [...label].map((char) => char.codePointAt(0) ?? 0);
  const basic = points.filter((point) => point < 0x80).map((point) => String.fromCharCode(point));
  let output = basic.join('') + (basic.length > 0 ? '-' : '');
  let handled = basic.length;
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < points.length) {
    const m = Math.min(...points.filter((point) => point >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const point of points) {
      if (point < n) delta++;
      if (point !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digit(q);
      bias = adapt(delta, handled + 1, handled === basic.length);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}
