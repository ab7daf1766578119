import type { AdfDocument, AdfMark, AdfNode } from './adfNode';
import { markdownTokens } from './markdownParser';
import { attribute, type MarkdownToken } from './markdownToken';

/** The ADF node each Markdown block opens; thead, tbody and a tight list's paragraphs map to nothing or stay as they are. */
const BLOCKS: Record<string, (token: MarkdownToken) => AdfNode | undefined> = {
  paragraph_open: () => ({ type: 'paragraph', content: [] }),
  heading_open: (token) => ({ type: 'heading', attrs: { level: Number(token.tag.slice(1)) }, content: [] }),
  bullet_list_open: () => ({ type: 'bulletList', content: [] }),
  ordered_list_open: (token) => ({ type: 'orderedList', attrs: { order: Number(attribute(token, 'start') || 1) }, content: [] }),
  list_item_open: () => ({ type: 'listItem', content: [] }),
  blockquote_open: () => ({ type: 'blockquote', content: [] }),
  table_open: () => ({ type: 'table', content: [] }),
  tr_open: () => ({ type: 'tableRow', content: [] }),
  th_open: () => ({ type: 'tableHeader', content: [] }),
  td_open: () => ({ type: 'tableCell', content: [] }),
};

/** Nodes ADF requires to hold at least one block. */
const NEEDS_BLOCK = new Set(['listItem', 'blockquote']);

/** Markdown (a note the user wrote) to Atlassian Document Format for Jira Cloud. */
export function markdownToAdf(markdown: string): AdfDocument {
  return tokensToAdf(markdownTokens(markdown));
}

/** A Markdown document's tokens to ADF. */
export function tokensToAdf(tokens: readonly MarkdownToken[]): AdfDocument {
  const doc: AdfDocument = { version: 1, type: 'doc', content: [] };
  // The open nodes; a null stands for a token with no ADF node of its own (thead, tbody).
  const open: (AdfNode | null)[] = [];
  for (const token of tokens) {
    if (token.nesting === 1) {
      const node = BLOCKS[token.type]?.(token) ?? null;
      if (node) childrenOf(open, doc).push(node);
      open.push(node);
    } else if (token.nesting === -1) {
      const node = open.pop();
      if (node && NEEDS_BLOCK.has(node.type) && node.content?.length === 0) node.content.push({ type: 'paragraph', content: [] });
    } else {
      leaf(token, childrenOf(open, doc));
    }
  }
  return doc;
}

/** Where the next node goes: the innermost open node, or the paragraph that holds a table cell's inline text. */
function childrenOf(open: readonly (AdfNode | null)[], doc: AdfDocument): AdfNode[] {
  const node = [...open].reverse().find((candidate) => candidate !== null);
  if (!node) return doc.content;
  const content = (node.content ??= []);
  if (node.type !== 'tableHeader' && node.type !== 'tableCell') return content;
  const paragraph = content[0] ?? { type: 'paragraph', content: [] };
  if (content.length === 0) content.push(paragraph);
  return (paragraph.content ??= []);
}

function leaf(token: MarkdownToken, into: AdfNode[]): void {
  switch (token.type) {
    case 'inline':
      // One by one: spreading a long paragraph's nodes into push() would overflow the stack.
      for (const node of inline(token.children ?? [])) into.push(node);
      return;
    case 'fence':
    case 'code_block':
      into.push(codeBlock(token));
      return;
    case 'hr':
      into.push({ type: 'rule' });
      return;
  }
}

/** A code block keeps its text byte for byte, less the newline that ends every Markdown code block. */
function codeBlock(token: MarkdownToken): AdfNode {
  const language = token.info.trim().split(/\s+/)[0] ?? '';
  const text = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
  return {
    type: 'codeBlock',
    ...(language !== '' ? { attrs: { language } } : {}),
    content: text === '' ? [] : [{ type: 'text', text }],
  };
}

const MARKS: Record<string, AdfMark> = {
  strong_open: { type: 'strong' },
  em_open: { type: 'em' },
  s_open: { type: 'strike' },
};

function inline(tokens: readonly MarkdownToken[]): AdfNode[] {
  const nodes: AdfNode[] = [];
  const marks: AdfMark[] = [];
  const text = (value: string, extra: AdfMark[] = []): void => {
    if (value === '') return;
    // ADF allows `code` beside `link` only: the other marks are dropped from a code span, as Jira's editor does.
    const code = extra.some((mark) => mark.type === 'code');
    const all = [...marks.filter((mark) => !code || mark.type === 'link'), ...extra].sort(markOrder);
    const last = nodes.at(-1);
    if (last?.type === 'text' && sameMarks(last.marks ?? [], all)) last.text = (last.text ?? '') + value;
    else nodes.push(all.length > 0 ? { type: 'text', text: value, marks: all } : { type: 'text', text: value });
  };
  for (const token of tokens) {
    const mark = MARKS[token.type];
    if (mark) marks.push(mark);
    else if (token.type === 'link_open') marks.push({ type: 'link', attrs: { href: attribute(token, 'href') } });
    else if (token.nesting === -1) marks.pop();
    else if (token.type === 'code_inline') text(token.content, [{ type: 'code' }]);
    // The ticket panel renders a single newline as a break (markdown-it's `breaks`), so Jira shows it as one too.
    else if (token.type === 'hardbreak' || token.type === 'softbreak') nodes.push({ type: 'hardBreak' });
    else if (token.type === 'image') text(token.content || attribute(token, 'src'), [{ type: 'link', attrs: { href: attribute(token, 'src') } }]);
    else text(token.content);
  }
  return nodes;
}

/** Marks in one order, so that neighbouring text with the same marks merges into one node. */
function markOrder(a: AdfMark, b: AdfMark): number {
  return MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type);
}

const MARK_ORDER = ['link', 'strong', 'em', 'strike', 'code'];

function sameMarks(a: readonly AdfMark[], b: readonly AdfMark[]): boolean {
  return a.length === b.length && a.every((mark, i) => mark.type === b[i]?.type && JSON.stringify(mark.attrs) === JSON.stringify(b[i]?.attrs));
}
