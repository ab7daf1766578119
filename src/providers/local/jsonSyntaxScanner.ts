/**
 * The first place where text stops being JSON (RFC 8259), and why. The grammar is walked token by
 * token with the open arrays and objects on a list of our own, not on the call stack, so that any
 * depth of nesting is read in time linear in the text's length. Comments and trailing commas are
 * errors, as are a byte order mark and text that is empty or only whitespace.
 */
import { JsonTokens, type TokenError } from './jsonToken';

type GrammarError =
  'valueExpected' | 'propertyNameExpected' | 'colonExpected' | 'commaExpected' | 'closeBraceExpected' | 'closeBracketExpected' | 'endOfFileExpected';

export interface JsonSyntaxError {
  /** In UTF-16 code units: where the first token that does not fit starts, or the text's length when the text ends too soon. */
  readonly offset: number;
  readonly kind: TokenError | GrammarError;
}

type Opening = '[' | '{';

/** The first syntax error in `text`, or undefined when it is JSON. */
export function firstJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const tokens = new JsonTokens(text);
  const expected = grammarError(tokens);
  // A bad token fits nowhere, so the walk stops at it: what is wrong with it comes before what was expected there.
  return expected && { offset: tokens.start, kind: tokens.error ?? expected };
}

/** Reads tokens until one does not fit: what was expected in its place, or undefined after one whole value and the end of the text. */
function grammarError(tokens: JsonTokens): GrammarError | undefined {
  const open: Opening[] = [];
  tokens.next();
  for (;;) {
    // A value is expected: a literal, an empty array or object, or the opening of one and its first element or member.
    const token = tokens.kind;
    if (token === '[' || token === '{') {
      if (tokens.next() !== closingOf(token)) {
        const problem = firstInside(tokens, token);
        if (problem) return problem;
        open.push(token);
        continue;
      }
    } else if (token !== 'string' && token !== 'literal') return 'valueExpected';
    // The value is whole: the tokens after it close what it completes, then a comma leads to the next element or member.
    tokens.next();
    let inside = open.at(-1);
    while (inside && tokens.kind === closingOf(inside)) {
      open.pop();
      tokens.next();
      inside = open.at(-1);
    }
    if (!inside) return tokens.kind === 'end' ? undefined : 'endOfFileExpected';
    if (tokens.kind === 'end') return missingClose(inside);
    if (tokens.kind !== ',') return 'commaExpected';
    tokens.next();
    const problem = inside === '{' ? memberName(tokens) : undefined;
    if (problem) return problem;
  }
}

/** Just after an array or object opens, not closing at once: whether its first element or member may start here, past a member's name and colon. */
function firstInside(tokens: JsonTokens, opening: Opening): GrammarError | undefined {
  if (tokens.kind === 'end') return missingClose(opening);
  if (opening === '[') return undefined;
  return tokens.kind === ',' ? 'valueExpected' : memberName(tokens);
}

/** At an object's member: reads its name and colon, leaving its value as the current token. */
function memberName(tokens: JsonTokens): GrammarError | undefined {
  if (tokens.kind !== 'string') return 'propertyNameExpected';
  if (tokens.next() !== ':') return 'colonExpected';
  tokens.next();
  return undefined;
}

function closingOf(opening: Opening): ']' | '}' {
  return opening === '[' ? ']' : '}';
}

function missingClose(opening: Opening): GrammarError {
  return opening === '[' ? 'closeBracketExpected' : 'closeBraceExpected';
}
