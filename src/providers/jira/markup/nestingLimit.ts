/**
 * How many blocks may be open around a block, and links and nested labels around inline text:
 * markdown-it's `maxNesting`. Each quote counts one, each list two (the list and its item). What a
 * deeper container holds is read as one paragraph, and deeper inline syntax as text, so that
 * nothing is lost and no input, however deep, runs the reader out of stack.
 */
export const MAX_NESTING = 100;
