/**
 * A short fingerprint of a ticket's title and text (FNV-1a, 32 bits): tells a ticket read again
 * unchanged from one whose words changed. Not for security: a collision only keeps an older copy.
 */
export function textDigest(title: string, text: string): string {
  let hash = 0x811c9dc5;
  const whole = `${title}\n${text}`;
  for (let i = 0; i < whole.length; i++) hash = Math.imul(hash ^ whole.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(36)}:${whole.length}`;
}
