import { codeFence, indentFollowing } from './markdownText';
import { wikiInlineToMarkdown } from './wikiInline';

/** A Markdown block and whether it stands inside a `{quote}`. */
type Block = { markdown: string; quoted: boolean };

/** `{code…}` or `{noformat…}`, not the `{{code}}` of monospace text. */
const CODE_OPEN = /(?<!\{)\{(code|noformat)(?::([^}\n]*))?\}(?!\})/g;

/** Jira Data Center wiki markup (descriptions and comments) to Markdown. Never throws. */
export function wikiToMarkdown(wiki: string): string {
  const blocks: Block[] = [];
  const state = { quoted: false };
  let at = 0;
  CODE_OPEN.lastIndex = 0;
  for (let open = CODE_OPEN.exec(wiki); open !== null; open = CODE_OPEN.exec(wiki)) {
    textBlocks(wiki.slice(at, open.index), state, blocks);
    const macro = open[1] ?? 'code';
    const start = open.index + open[0].length;
    const closing = wiki.indexOf(`{${macro}}`, start);
    const end = closing === -1 ? wiki.length : closing;
    const code = wiki.slice(start, end).replace(/^\r?\n/, '');
    blocks.push({ markdown: codeFence(code, macro === 'code' ? language(open[2]) : undefined), quoted: state.quoted });
    at = closing === -1 ? wiki.length : closing + macro.length + 2;
    CODE_OPEN.lastIndex = at;
  }
  textBlocks(wiki.slice(at), state, blocks);
  return join(blocks);
}

/** `{code:java}`, `{code:language=java|title=A.java}` or `{code:title=A.java|java}`: the one parameter with no name, or `language`. */
function language(parameters: string | undefined): string | undefined {
  const parts = (parameters ?? '').split('|').map((part) => part.trim());
  const named = parts.find((part) => part.startsWith('language='))?.slice('language='.length);
  const bare = parts.find((part) => part !== '' && !part.includes('='));
  const found = named ?? bare;
  return found !== undefined && /^[\w+#.-]+$/.test(found) ? found : undefined;
}

/** Consecutive quoted blocks become one Markdown quote. */
function join(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length;) {
    const quoted = blocks[i]?.quoted ?? false;
    const run: string[] = [];
    for (; i < blocks.length && blocks[i]?.quoted === quoted; i++) run.push(blocks[i]?.markdown ?? '');
    const text = run.join('\n\n');
    out.push(quoted ? quote(text) : text);
  }
  return out.filter((text) => text !== '').join('\n\n');
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

const LIST_ITEM = /^\s*([*#]+|-)\s+(.*)$/;
const HEADING = /^\s*h([1-6])\.\s*(.*)$/;
const QUOTE_LINE = /^\s*bq\.\s*(.*)$/;

/** The text between code blocks, line by line; `{quote}` toggles quoting, as in Jira, where quotes do not nest. */
function textBlocks(text: string, state: { quoted: boolean }, blocks: Block[]): void {
  const parts = text.replace(/\{(color|panel)(?::[^}\n]*)?\}/g, '').split('{quote}');
  parts.forEach((part, i) => {
    if (i > 0) state.quoted = !state.quoted;
    lineBlocks(part.split(/\r?\n/), state.quoted, blocks);
  });
}

function lineBlocks(lines: readonly string[], quoted: boolean, blocks: Block[]): void {
  let paragraph: string[] = [];
  let list: string[] = [];
  let table: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ markdown: paragraph.join('\n'), quoted });
    if (list.length > 0) blocks.push({ markdown: listMarkdown(list), quoted });
    if (table.length > 0) blocks.push({ markdown: tableMarkdown(table), quoted });
    paragraph = [];
    list = [];
    table = [];
  };
  for (const line of lines) {
    const heading = HEADING.exec(line);
    const bq = QUOTE_LINE.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      blocks.push({ markdown: `${'#'.repeat(Number(heading[1]))} ${wikiInlineToMarkdown(heading[2] ?? '').replace(/\\\n/g, ' ')}`, quoted });
    } else if (bq) {
      flush();
      blocks.push({ markdown: wikiInlineToMarkdown(bq[1] ?? ''), quoted: true });
    } else if (/^\s*-{4,}\s*$/.test(line)) {
      flush();
      blocks.push({ markdown: '---', quoted });
    } else if (LIST_ITEM.test(line)) {
      if (list.length === 0) flush();
      list.push(line);
    } else if (line.trimStart().startsWith('|')) {
      if (table.length === 0) flush();
      table.push(line.trim());
    } else {
      if (paragraph.length === 0) flush();
      paragraph.push(paragraphLine(line));
    }
  }
  flush();
}

function paragraphLine(line: string): string {
  return escapeLeadingMarker(wikiInlineToMarkdown(line.trim()));
}

/** A paragraph line that would read as a Markdown block marker once converted. */
function escapeLeadingMarker(line: string): string {
  return line.replace(/^([#>+=-]|\d+[.)])/, (marker) => marker.slice(0, -1) + '\\' + marker.slice(-1));
}

/** Wiki list lines (`*`, `#`, `-`, mixed and nested as `*#*`) to Markdown items indented under their parents. */
function listMarkdown(lines: readonly string[]): string {
  return lines
    .map((line) => {
      const [, markers = '*', text = ''] = LIST_ITEM.exec(line) ?? [];
      const widths = [...markers].map((marker) => (marker === '#' ? 3 : 2));
      const own = widths.pop() ?? 2;
      const indent = ' '.repeat(widths.reduce((sum, width) => sum + width, 0));
      const marker = markers.endsWith('#') ? '1. ' : '- ';
      return indent + marker + indentFollowing(wikiInlineToMarkdown(text), indent.length + own);
    })
    .join('\n');
}

/** `||heading||heading||` and `|cell|cell|` rows; the first row heads the Markdown table. */
function tableMarkdown(rows: readonly string[]): string {
  const cells = rows.map(tableCells);
  const width = cells.reduce((widest, row) => Math.max(widest, row.length), 1);
  const line = (row: readonly string[]): string => `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n');
}

/** Splits a row at its pipes, leaving those inside links and monospace to the cell. */
function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let brackets = 0;
  let braces = 0;
  for (let i = 0; i < row.length; i++) {
    const char = row[i] ?? '';
    if (char === '\\' && i + 1 < row.length) {
      cell += char + (row[++i] ?? '');
      continue;
    }
    if (char === '[') brackets++;
    if (char === ']') brackets = Math.max(0, brackets - 1);
    if (row.startsWith('{{', i)) braces = 1;
    if (row.startsWith('}}', i)) braces = 0;
    if (char === '|' && brackets === 0 && braces === 0) {
      if (cell !== '') cells.push(cell);
      cell = '';
      continue;
    }
    cell += char;
  }
  if (cell.trim() !== '') cells.push(cell);
  return cells.map((text) => wikiInlineToMarkdown(text.trim()).replace(/\\\n/g, ' ').replace(/\|/g, '\\|'));
}
