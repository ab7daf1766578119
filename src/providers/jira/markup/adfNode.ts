import * as z from 'zod/mini';

/** One mark of an ADF text node: `strong`, `em`, `code`, `link` (with `attrs.href`)… */
export type AdfMark = { type: string; attrs?: Record<string, unknown> };

/** One node of Atlassian Document Format, as plain JSON. */
export type AdfNode = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: AdfMark[]; content?: AdfNode[] };

/** A whole ADF document: the body of a Jira Cloud description or comment. */
export type AdfDocument = { version: 1; type: 'doc'; content: AdfNode[] };

const attrsSchema = z.optional(z.record(z.string(), z.unknown()));

const marksSchema = z.array(z.looseObject({ type: z.string(), attrs: attrsSchema }));

/**
 * One node, checked one level deep: its children stay `unknown` and are checked when reached, so a
 * hostile document nested thousands of levels never recurses through zod. Unknown node types pass:
 * ADF grows new ones, and their text must still be shown. Malformed marks or content are read as
 * none rather than losing the node (checked in `readNode`, not with zod's `catch`, which alone would
 * add 9 KB to the zod the bundles share).
 */
const nodeSchema = z.looseObject({
  type: z.string(),
  text: z.optional(z.string()),
  attrs: attrsSchema,
  marks: z.optional(z.unknown()),
  content: z.optional(z.unknown()),
});

/** A node read from untrusted JSON: its children still to be read. */
export type ReadNode = { type: string; text?: string; attrs: Record<string, unknown>; marks: AdfMark[]; content: unknown[] };

/** The node, or undefined when the value is not shaped like one. */
export function readNode(value: unknown): ReadNode | undefined {
  const parsed = nodeSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { type, text, attrs, marks, content } = parsed.data;
  const readMarks = marksSchema.safeParse(marks);
  return { type, text, attrs: attrs ?? {}, marks: readMarks.success ? readMarks.data : [], content: Array.isArray(content) ? content : [] };
}

/** A string attribute, or undefined. */
export function stringAttr(node: ReadNode, name: string): string | undefined {
  const value = node.attrs[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * All the text under a value, in document order, without recursion: what is left of a node that
 * cannot be rendered as its kind (unknown, malformed, or nested beyond the depth rendered).
 */
export function plainText(value: unknown): string {
  const parts: string[] = [];
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      parts.push(next);
      continue;
    }
    if (Array.isArray(next)) {
      for (let i = next.length - 1; i >= 0; i--) pending.push(next[i]);
      continue;
    }
    if (typeof next !== 'object' || next === null) continue;
    const record = next as Record<string, unknown>;
    const attrs = typeof record.attrs === 'object' && record.attrs !== null ? (record.attrs as Record<string, unknown>) : {};
    const own = [record.text, attrs.text, attrs.shortName, attrs.url].find((candidate) => typeof candidate === 'string');
    if (typeof own === 'string') parts.push(own);
    if (Array.isArray(record.content)) pending.push(record.content);
  }
  return parts.join('');
}
