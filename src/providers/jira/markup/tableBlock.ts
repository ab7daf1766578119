import type { BlockState } from './blockState';
import { isSpace } from './markdownCharacters';

/** Cells a table may add to rows shorter than its header, in all: beyond that, the rows left are read as text. */
const MAX_FILLED_CELLS = 65_536;

function lineText(state: BlockState, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/** A row's cells, split at pipes that are not escaped; a leading and a trailing pipe open and close the row. */
function cells(row: string): string[] {
  const result: string[] = [];
  let current = '';
  let lastPos = 0;
  let escaped = false;
  for (let pos = 0; pos < row.length; pos++) {
    const ch = row.charCodeAt(pos);
    if (ch === 0x7c) {
      if (escaped) {
        current += row.substring(lastPos, pos - 1);
        lastPos = pos;
      } else {
        result.push(current + row.substring(lastPos, pos));
        current = '';
        lastPos = pos + 1;
      }
    }
    escaped = ch === 0x5c;
  }
  result.push(current + row.substring(lastPos));
  if (result.length > 0 && result[0] === '') result.shift();
  if (result.length > 0 && result[result.length - 1] === '') result.pop();
  return result;
}

/** How many columns the delimiter row (`| --- | :-: |`) under a header declares, or 0 when it is not one. */
function delimiterColumns(state: BlockState, line: number): number {
  let pos = state.bMarks[line] + state.tShift[line];
  const max = state.eMarks[line];
  if (pos >= max) return 0;
  const first = state.src.charCodeAt(pos++);
  if (first !== 0x7c && first !== 0x2d && first !== 0x3a) return 0;
  if (pos >= max) return 0;
  const second = state.src.charCodeAt(pos++);
  if (second !== 0x7c && second !== 0x2d && second !== 0x3a && !isSpace(second)) return 0;
  // `- ` would be a list item.
  if (first === 0x2d && isSpace(second)) return 0;
  for (; pos < max; pos++) {
    const ch = state.src.charCodeAt(pos);
    if (ch !== 0x7c && ch !== 0x2d && ch !== 0x3a && !isSpace(ch)) return 0;
  }
  const columns = lineText(state, line).split('|');
  let count = 0;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i].trim();
    if (!column && (i === 0 || i === columns.length - 1)) continue;
    if (!/^:?-+:?$/.test(column)) return 0;
    count++;
  }
  return count;
}

/** A row's cells to the table's width: missing ones empty, and the text of cells past the last column kept in the last one. */
function fitRow(row: readonly string[], columns: number): string[] {
  const cellsText = row.map((cell) => cell.trim());
  const fitted = cellsText.slice(0, columns);
  while (fitted.length < columns) fitted.push('');
  if (cellsText.length > columns) fitted[columns - 1] = cellsText.slice(columns - 1).join(' | ');
  return fitted;
}

function pushRow(state: BlockState, row: readonly string[], columns: number, cell: 'th' | 'td'): void {
  state.push('tr_open', 'tr', 1);
  for (const text of fitRow(row, columns)) {
    state.push(`${cell}_open`, cell, 1);
    const inline = state.push('inline', '', 0);
    inline.content = text;
    inline.children = [];
    state.push(`${cell}_close`, cell, -1);
  }
  state.push('tr_close', 'tr', -1);
}

/** A GFM table: a header row, a delimiter row with as many columns, and body rows to a blank line or another block. */
export function table(state: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine + 2 > endLine) return false;
  const delimiterLine = startLine + 1;
  if (state.sCount[delimiterLine] < state.blkIndent || state.sCount[delimiterLine] - state.blkIndent >= 4) return false;
  const columnCount = delimiterColumns(state, delimiterLine);
  if (columnCount === 0) return false;
  const header = lineText(state, startLine).trim();
  if (!header.includes('|') || state.sCount[startLine] - state.blkIndent >= 4) return false;
  const headerCells = cells(header);
  if (headerCells.length !== columnCount) return false;
  if (silent) return true;
  const oldParentType = state.parentType;
  state.parentType = 'table';
  state.push('table_open', 'table', 1);
  state.push('thead_open', 'thead', 1);
  pushRow(state, headerCells, columnCount, 'th');
  state.push('thead_close', 'thead', -1);
  let filled = 0;
  let nextLine = startLine + 2;
  for (; nextLine < endLine; nextLine++) {
    if (state.sCount[nextLine] < state.blkIndent || state.interrupts('blockquote', nextLine, endLine)) break;
    const text = lineText(state, nextLine).trim();
    if (!text || state.sCount[nextLine] - state.blkIndent >= 4) break;
    const row = cells(text);
    filled += columnCount - row.length;
    if (filled > MAX_FILLED_CELLS) break;
    if (nextLine === startLine + 2) state.push('tbody_open', 'tbody', 1);
    pushRow(state, row, columnCount, 'td');
  }
  if (nextLine > startLine + 2) state.push('tbody_close', 'tbody', -1);
  state.push('table_close', 'table', -1);
  state.parentType = oldParentType;
  state.line = nextLine;
  return true;
}
