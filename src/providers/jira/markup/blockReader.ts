import { BlockState, type BlockReader, type BlockRule, type Interrupted } from './blockState';
import { blockquote, list } from './containerBlocks';
import { atxHeading, fence, flatParagraph, indentedCode, paragraph, setextHeading, thematicBreak } from './leafBlocks';
import type { MarkdownToken } from './markdownToken';
import { MAX_NESTING } from './nestingLimit';
import { table } from './tableBlock';

/** The rules in the order they are tried: the first that reads a block at a line wins. */
const RULES: readonly BlockRule[] = [table, indentedCode, fence, blockquote, thematicBreak, list, atxHeading, setextHeading, paragraph];

/** Which blocks end a paragraph, a quote's lazy lines and a list when they start a line. */
const INTERRUPTERS: Record<Interrupted, readonly BlockRule[]> = {
  paragraph: [table, fence, blockquote, thematicBreak, list, atxHeading],
  blockquote: [fence, blockquote, thematicBreak, list, atxHeading],
  list: [fence, blockquote, thematicBreak],
};

/** Reads the blocks of lines `startLine` to `endLine` inside the current container. */
function readBlocks(state: BlockState, startLine: number, endLine: number): void {
  let line = startLine;
  while (line < endLine) {
    line = state.skipEmptyLines(line);
    state.line = line;
    if (line >= endLine || state.sCount[line] < state.blkIndent) break;
    if (state.level >= MAX_NESTING) {
      flatParagraph(state, line, endLine);
    } else {
      // The paragraph rule reads any line, so one always matches.
      RULES.some((rule) => rule(state, line, endLine, false));
    }
    line = state.line;
    if (line < endLine && state.isEmpty(line)) state.line = ++line;
  }
}

const READER: BlockReader = { readBlocks, interrupters: INTERRUPTERS };

/** The block tokens of a document (line ends already `\n`); each `inline` token's children still to be read. */
export function blockTokens(src: string): MarkdownToken[] {
  if (src === '') return [];
  const state = new BlockState(src, READER);
  readBlocks(state, 0, state.lineMax);
  return state.tokens;
}
