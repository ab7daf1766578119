/**
 * zod/mini carries no messages of its own: without them every issue reads "Invalid input". Ours say
 * what is allowed and what was found ("must be a non-empty string; found \"\""), which people read
 * in the settings' warnings and the log after the field's name; zod's English locale would add
 * 2.6 KB to what activation loads for less. zod keeps this setting on `globalThis`, so it holds for
 * every schema in the extension host, whichever bundle made it; modules whose messages reach people
 * import this one so that it is set wherever they are used.
 *
 * Files people edit by hand (the queue file, the team map) need more than that: one sentence that
 * names the field once, says what is allowed and what was found, so that the reader can fix the
 * value without knowing zod — `severity must be 1, 2, 3, 4 or null; found "high"`. Those files are
 * parsed with `fieldMessages(...)`; a rule the generic words cannot say gets its own with `mustBe`.
 */
import * as z from 'zod/mini';

z.config({ localeError: (issue) => (issue.code === 'unrecognized_keys' ? `has keys it does not take: ${issue.keys.join(', ')}` : sentence(issue)) });

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/** Parse options that give every issue the one-sentence message; `subject` names the value itself, e.g. "the ticket". */
export function fieldMessages(subject: string): z.core.ParseContext<Issue> {
  return { error: (issue) => sentence(issue, subject) };
}

/** A schema's own words for what it allows, where the generic ones would be vague: `mustBe('an http or https URL')`. */
export function mustBe(allowed: string): (issue: RawIssue) => string {
  return (issue) => sentence(issue, 'the value', allowed);
}

/** `severity must be 1, 2, 3 or 4; found "high"`; without a subject, what follows the field's name: `must be …`. */
function sentence(issue: RawIssue, subject?: string, allowed = allowedBy(issue)): string {
  const field = subject === undefined ? '' : `${fieldName(issue.path ?? [], subject)} `;
  const what = allowed ?? 'valid';
  if (issue.input === undefined) return `${field}must be ${what}; it is missing`;
  return `${field}must be ${what}; found ${describeValue(issue.input)}`;
}

/** `["comments", 0, "createdAt"]` → `comments[0].createdAt`. */
function fieldName(path: readonly PropertyKey[], subject: string): string {
  if (path.length === 0) return subject;
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`)).join('');
}

const MAX_SHOWN = 60;

/** A value as a message shows what was found: strings quoted (and cut), numbers as they are, objects and lists by kind. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  switch (typeof value) {
    case 'string': {
      const shown = JSON.stringify(value);
      return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN - 2)}…"` : shown;
    }
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** What the rule behind an issue allows, in words; undefined when zod does not say. */
function allowedBy(issue: RawIssue | Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const format = formatOf(issue);
      if (format && issue.expected === 'string') return formatWords({ format });
      if (format && issue.expected === 'number' && /int/.test(format)) return 'a whole number';
      return TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`;
    }
    case 'invalid_value':
      return oneOf(issue.values.map((value) => JSON.stringify(value) ?? String(value)));
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive ?? true, 'least');
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive ?? true, 'most');
    case 'invalid_format':
      return formatWords(issue);
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'invalid_union':
      return unionWords(issue.errors);
    default:
      return undefined;
  }
}

/**
 * A format schema reports a value of the wrong type by its base type ("expected string" for a date
 * and time, "expected number" for a whole number); its format says more.
 */
function formatOf(issue: RawIssue | Issue): string | undefined {
  const def: object | undefined = 'inst' in issue ? issue.inst?._zod.def : undefined;
  return def && 'format' in def && typeof def.format === 'string' ? def.format : undefined;
}

const TYPE_WORDS: Partial<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
  date: 'a date',
};

function bound(origin: string, limit: number | bigint, inclusive: boolean, side: 'least' | 'most'): string {
  if (origin === 'string') {
    if (side === 'least' && Number(limit) === 1) return 'a non-empty string';
    return `a string of at ${side} ${limit} characters`;
  }
  if (origin === 'array' || origin === 'set') {
    if (side === 'least' && Number(limit) === 1) return 'a non-empty list';
    return `a list of at ${side} ${limit}`;
  }
  if (inclusive) return side === 'least' ? `${limit} or more` : `${limit} or less`;
  return side === 'least' ? `more than ${limit}` : `less than ${limit}`;
}

/** The parts of a string format issue that say what was expected (zod adds `prefix`, `suffix` or `includes` to some). */
interface FormatIssue {
  readonly format: string;
  readonly pattern?: string;
  readonly prefix?: unknown;
  readonly suffix?: unknown;
  readonly includes?: unknown;
}

function formatWords(issue: FormatIssue): string {
  switch (issue.format) {
    case 'datetime':
      return 'an ISO 8601 date and time with a zone, e.g. 2026-11-24T09:30:00Z';
    case 'date':
      return 'an ISO 8601 date, e.g. 2026-11-24';
    case 'url':
      return 'a URL';
    case 'email':
      return 'an e-mail address';
    case 'starts_with':
      return `a string starting with ${JSON.stringify(issue.prefix)}`;
    case 'ends_with':
      return `a string ending with ${JSON.stringify(issue.suffix)}`;
    case 'includes':
      return `a string containing ${JSON.stringify(issue.includes)}`;
    case 'regex':
      return `a string matching ${issue.pattern ?? 'the expected pattern'}`;
    default:
      return `a valid ${issue.format}`;
  }
}

/** Each option of a union that failed at its own root says what it allows: `1, 2, 3, 4 or null`. */
function unionWords(branches: readonly (readonly Issue[])[]): string | undefined {
  const words = branches.flatMap((issues) => issues.filter((issue) => issue.path.length === 0).map(allowedBy));
  if (words.length === 0 || words.some((word) => word === undefined)) return undefined;
  return oneOf([...new Set(words as string[])]);
}

function oneOf(options: readonly string[]): string {
  if (options.length <= 1) return options[0] ?? 'nothing';
  return `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
}
