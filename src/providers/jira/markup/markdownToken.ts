/**
 * One token of a Markdown document as the Jira converters read it: a block opening or closing
 * (`nesting` 1 or -1), a leaf (a code block, a rule), or inline text with its `children`.
 */
export interface MarkdownToken {
  type: string;
  tag: string;
  nesting: -1 | 0 | 1;
  content: string;
  /** A fenced code block's info string. */
  info: string;
  /** The characters that made an emphasis tag (`*`, `__`, `~~`), for when it is read back as text. */
  markup: string;
  /** `href` of a link, `src` of an image, `start` of an ordered list not starting at 1. */
  attrs: Record<string, string>;
  children: MarkdownToken[] | null;
}

export function markdownToken(type: string, tag: string, nesting: -1 | 0 | 1): MarkdownToken {
  return { type, tag, nesting, content: '', info: '', markup: '', attrs: {}, children: null };
}

/** A token's attribute as text, empty when absent. */
export function attribute(token: MarkdownToken, name: string): string {
  return token.attrs[name] ?? '';
}
