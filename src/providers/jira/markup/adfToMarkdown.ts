import { type AdfMark, plainText, readNode, type ReadNode, stringAttr } from './adfNode';
import { codeFence, codeSpan, escapeLineStart, escapeMarkdown, indentFollowing } from './markdownText';

/**
 * Nodes nested deeper than this are shown as their plain text: real documents stay far below it,
 * and the bound keeps a hostile document from exhausting the stack.
 */
const MAX_DEPTH = 48;

/** Atlassian Document Format (a Jira Cloud description or comment) to Markdown. Never throws. */
export function adfToMarkdown(doc: unknown): string {
  if (typeof doc === 'string') return doc;
  const node = readNode(doc);
  if (node === undefined) return plainText(doc);
  return blocks(node.type === 'doc' ? node.content : [doc], 0).trim();
}

function blocks(children: readonly unknown[], depth: number): string {
  return children
    .map((child) => block(child, depth))
    .filter((text) => text !== '')
    .join('\n\n');
}

function block(value: unknown, depth: number): string {
  const node = readNode(value);
  if (node === undefined || depth > MAX_DEPTH) return escapeMarkdown(plainText(value));
  const inner = depth + 1;
  switch (node.type) {
    case 'paragraph':
      return paragraph(node, inner);
    case 'heading':
      return `${'#'.repeat(headingLevel(node))} ${inline(node.content, inner).replace(/\n/g, ' ')}`;
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
    case 'decisionList':
      return list(node, inner);
    case 'codeBlock':
      return codeFence(plainText(node.content), stringAttr(node, 'language'));
    case 'blockquote':
      return quote(blocks(node.content, inner));
    case 'panel':
      return quote(labelled(stringAttr(node, 'panelType') ?? 'info', blocks(node.content, inner)));
    case 'expand':
    case 'nestedExpand':
      return labelled(stringAttr(node, 'title') ?? '', blocks(node.content, inner));
    case 'rule':
      return '---';
    case 'table':
      return table(node, inner);
    case 'mediaSingle':
    case 'mediaGroup':
      return node.content.map(media).join('\n');
    case 'media':
      return media(value);
    case 'blockCard':
    case 'embedCard':
      return card(node);
    default:
      return unknownBlock(node, inner);
  }
}

/** A node of a type not rendered here: its children as blocks when it has blocks, else its text. */
function unknownBlock(node: ReadNode, depth: number): string {
  if (node.content.some((child) => isBlock(readNode(child)))) return blocks(node.content, depth);
  if (node.content.length > 0) return paragraph(node, depth);
  return escapeMarkdown(plainText({ type: node.type, text: node.text, attrs: node.attrs }));
}

function isBlock(node: ReadNode | undefined): boolean {
  return node !== undefined && BLOCK_TYPES.has(node.type);
}

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'taskList',
  'decisionList',
  'codeBlock',
  'blockquote',
  'panel',
  'expand',
  'nestedExpand',
  'rule',
  'table',
  'mediaSingle',
  'mediaGroup',
  'blockCard',
  'embedCard',
]);

function paragraph(node: ReadNode, depth: number): string {
  return inline(node.content, depth).split('\n').map(escapeLineStart).join('\n');
}

function headingLevel(node: ReadNode): number {
  const level = node.attrs.level;
  return typeof level === 'number' && level >= 1 && level <= 6 ? Math.floor(level) : 1;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** A panel or an expand: its kind or title in bold, then its content. */
function labelled(label: string, content: string): string {
  if (label === '') return content;
  const title = `**${escapeMarkdown(label.charAt(0).toUpperCase() + label.slice(1))}**`;
  return content === '' ? title : `${title}\n\n${content}`;
}

function list(node: ReadNode, depth: number): string {
  const ordered = node.type === 'orderedList';
  const order = node.attrs.order;
  const start = ordered && typeof order === 'number' && Number.isInteger(order) && order >= 0 ? order : 1;
  return node.content
    .map((child, i) => {
      const item = readNode(child);
      const marker = ordered ? `${start + i}. ` : `- ${taskBox(item)}`;
      const body = item === undefined || depth > MAX_DEPTH ? escapeMarkdown(plainText(child)) : listItemBody(item, depth + 1);
      return marker + indentFollowing(body, ordered ? marker.length : 2);
    })
    .join('\n');
}

/** Task items carry their state as a Markdown check box. */
function taskBox(item: ReadNode | undefined): string {
  if (item?.type !== 'taskItem') return '';
  return stringAttr(item, 'state') === 'DONE' ? '[x] ' : '[ ] ';
}

/** A list item's blocks: a nested list follows its text on the next line, other blocks after a blank one. */
function listItemBody(item: ReadNode, depth: number): string {
  if (item.type === 'taskItem' || item.type === 'decisionItem') return paragraph(item, depth);
  let body = '';
  for (const child of item.content) {
    const text = block(child, depth);
    if (text === '') continue;
    const nested = /^(bulletList|orderedList|taskList)$/.test(readNode(child)?.type ?? '');
    body = body === '' ? text : `${body}${nested ? '\n' : '\n\n'}${text}`;
  }
  return body;
}

function table(node: ReadNode, depth: number): string {
  const rows = node.content.map((row) => (readNode(row)?.content ?? []).map((value) => cell(value, depth)));
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 1);
  const line = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n');
}

/** A table cell on one line: its blocks joined by spaces, pipes escaped by the inline rendering. */
function cell(value: unknown, depth: number): string {
  const node = readNode(value);
  if (node === undefined) return escapeMarkdown(plainText(value));
  return node.content
    .map((child) => {
      const inner = readNode(child);
      return inner === undefined ? escapeMarkdown(plainText(child)) : inline(inner.content.length > 0 ? inner.content : [child], depth);
    })
    .join(' ')
    .replace(/\n/g, ' ');
}

/** A media item named by its alt text or file name, linked when it has an address of its own. */
function media(value: unknown): string {
  const node = readNode(value);
  if (node === undefined) return escapeMarkdown(plainText(value));
  const url = stringAttr(node, 'url');
  const name = stringAttr(node, 'alt') ?? stringAttr(node, 'name') ?? stringAttr(node, 'id') ?? 'file';
  return url !== undefined ? `[${escapeMarkdown(name)}](${destination(url)})` : `*${escapeMarkdown(`Attachment: ${name}`)}*`;
}

function card(node: ReadNode): string {
  const url = stringAttr(node, 'url');
  return url === undefined ? escapeMarkdown(plainText(node.attrs.data)) : `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

/** A link destination Markdown reads back unchanged: spaces and angle brackets encoded, parentheses balanced by encoding. */
function destination(url: string): string {
  return url.replace(/[\s<>()]/g, encodeURIComponent);
}

function inline(children: readonly unknown[], depth: number): string {
  return children.map((child) => inlineNode(child, depth + 1)).join('');
}

function inlineNode(value: unknown, depth: number): string {
  const node = readNode(value);
  if (node === undefined || depth > MAX_DEPTH) return escapeMarkdown(plainText(value));
  switch (node.type) {
    case 'text':
      return marked(node.text ?? '', node.marks);
    case 'hardBreak':
      return '\\\n';
    case 'mention':
      return escapeMarkdown(mention(node));
    case 'emoji':
      return escapeMarkdown(stringAttr(node, 'text') ?? stringAttr(node, 'shortName') ?? '');
    case 'inlineCard':
      return card(node);
    case 'mediaInline':
      return media(value);
    case 'status':
      return `**${escapeMarkdown(stringAttr(node, 'text') ?? '')}**`;
    case 'date':
      return escapeMarkdown(date(node));
    default:
      return node.content.length > 0 ? inline(node.content, depth) : escapeMarkdown(plainText({ text: node.text, attrs: node.attrs }));
  }
}

function mention(node: ReadNode): string {
  const text = stringAttr(node, 'text') ?? stringAttr(node, 'id') ?? '';
  return text.startsWith('@') ? text : `@${text}`;
}

function date(node: ReadNode): string {
  const timestamp = Number(node.attrs.timestamp);
  return Number.isFinite(timestamp) ? new Date(timestamp).toISOString().slice(0, 10) : '';
}

/** A text node with its marks: code outermost-free (code spans hold no other markup), then emphasis, then the link. */
function marked(text: string, marks: readonly AdfMark[]): string {
  if (text === '') return '';
  const has = (type: string): boolean => marks.some((mark) => mark.type === type);
  if (has('code')) return wrapLink(codeSpan(text), marks);
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const trail = /\s*$/.exec(text.slice(lead.length))?.[0] ?? '';
  let core = escapeMarkdown(text.slice(lead.length, text.length - trail.length));
  if (core === '') return text;
  if (has('strike')) core = `~~${core}~~`;
  if (has('em')) core = `*${core}*`;
  if (has('strong')) core = `**${core}**`;
  return lead + wrapLink(core, marks) + trail;
}

function wrapLink(text: string, marks: readonly AdfMark[]): string {
  const link = marks.find((mark) => mark.type === 'link');
  const href = link?.attrs?.href;
  return typeof href === 'string' && href !== '' ? `[${text}](${destination(href)})` : text;
}
