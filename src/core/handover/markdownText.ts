/**
 * Customer text in a Markdown document we write: shown as the words it is, never as markup, a link,
 * HTML or an entity, and kept on its line so it cannot open a heading or a list of its own.
 */

/** Every character CommonMark could read as inline markup, or as HTML or an entity, is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>&|~#!]/g, '\\$&');
}

/** Text as inline code, whatever backticks it holds: the fence is longer than any run inside it. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A web address as a link only when it is plainly http(s) with nothing a link could break on; else as text. */
export function markdownLink(label: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\/[^\s<>()[\]`]+$/i.test(url)) return escapeMarkdown(url === undefined ? label : `${label} (${url})`);
  return `[${escapeMarkdown(label)}](${url})`;
}
