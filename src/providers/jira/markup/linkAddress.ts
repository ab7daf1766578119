import { hostOf, labelToAscii, labelToUnicode, recodeLabels } from './linkHost';
import { percentDecode, percentEncode } from './percentEncoding';

const SCRIPTABLE = /^(vbscript|javascript|file|data):/;
const SAFE_IMAGE_DATA = /^data:image\/(gif|png|jpeg|webp);/;

/** Whether a normalised address may be linked: no script, file or data address but the data of a common image type. */
export function isSafeLink(href: string): boolean {
  const address = href.trim().toLowerCase();
  return !SCRIPTABLE.test(address) || SAFE_IMAGE_DATA.test(address);
}

/** An address as written in a link, made one a browser reads: its host in punycode, the rest percent-encoded. */
export function normalizeLink(url: string): string {
  const trimmed = url.trim();
  const host = hostOf(trimmed);
  if (!host) return percentEncode(trimmed);
  const name = trimmed.slice(host.start, host.end);
  // An IPv6 address's brackets are the URL's own: only what they hold is encoded.
  const encoded = host.bracketed ? `[${percentEncode(name.slice(1, -1))}]` : percentEncode(host.recoded ? recodeLabels(name, labelToAscii) : name);
  return percentEncode(trimmed.slice(0, host.start)) + encoded + percentEncode(trimmed.slice(host.end));
}

/** An autolink's address as its text shows it: its host in Unicode, escapes decoded where that keeps the meaning. */
export function normalizeLinkText(url: string): string {
  const trimmed = url.trim();
  const host = hostOf(trimmed);
  const shown = host?.recoded
    ? trimmed.slice(0, host.start) + recodeLabels(trimmed.slice(host.start, host.end), labelToUnicode) + trimmed.slice(host.end)
    : trimmed;
  return percentDecode(shown);
}
