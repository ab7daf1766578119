/**
 * The part of JQL a support queue is written in, as the Jira fake evaluates it: clauses
 * (`field = value`, `!=`, `>=`, `<=`, `>`, `<`, `in (…)`, `not in (…)`, `is [not] empty`) joined by
 * AND, OR, NOT and parentheses, then `ORDER BY field [ASC|DESC], …`. A field it does not know is an
 * error, as Jira answers 400 for one.
 */
export type FieldValue = (field: string) => readonly string[] | undefined;

export interface Jql {
  readonly matches: (value: FieldValue) => boolean;
  readonly order: readonly { readonly field: string; readonly descending: boolean }[];
}

type Node = (value: FieldValue) => boolean;

export function parseJql(text: string, known: (field: string) => boolean): Jql {
  const [where = '', orderText] = text.split(/\border\s+by\b/i);
  const order = (orderText ?? '')
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map((words) => ({ field: (words[0] ?? '').toLowerCase(), descending: (words[1] ?? '').toLowerCase() === 'desc' }));
  const tokens = where.match(/"(?:[^"\\]|\\.)*"|!=|>=|<=|[=<>(),]|[^\s=<>!(),"]+/g) ?? [];
  let at = 0;
  const peek = (): string => (tokens[at] ?? '').toLowerCase();
  const take = (): string => {
    const token = tokens[at++];
    if (token === undefined) throw new Error('The JQL query ends too early.');
    return token.startsWith('"') ? token.slice(1, -1).replace(/\\(.)/g, '$1') : token;
  };
  const expression = (): Node => {
    const terms = [term()];
    while (peek() === 'or') {
      at++;
      terms.push(term());
    }
    return (v) => terms.some((t) => t(v));
  };
  const term = (): Node => {
    const factors = [factor()];
    while (peek() === 'and') {
      at++;
      factors.push(factor());
    }
    return (v) => factors.every((f) => f(v));
  };
  const factor = (): Node => {
    if (peek() === 'not') {
      at++;
      const inner = factor();
      return (v) => !inner(v);
    }
    if (peek() === '(') {
      at++;
      const inner = expression();
      if (take() !== ')') throw new Error('The JQL query has an unclosed parenthesis.');
      return inner;
    }
    return clause();
  };
  const clause = (): Node => {
    const field = take().toLowerCase();
    if (!known(field)) throw new Error(`Field '${field}' does not exist or you do not have permission to view it.`);
    let op = take().toLowerCase();
    if (op === 'not' && peek() === 'in') op = `not ${take().toLowerCase()}`;
    if (op === 'is') {
      const negated = peek() === 'not' ? (at++, true) : false;
      if (take().toLowerCase() !== 'empty') throw new Error('Expected EMPTY.');
      return (v) => ((v(field) ?? []).length === 0) !== negated;
    }
    if (op === 'in' || op === 'not in') {
      if (take() !== '(') throw new Error('Expected a list.');
      const values: string[] = [];
      while (peek() !== ')') {
        values.push(take().toLowerCase());
        if (peek() === ',') at++;
      }
      at++;
      return (v) => (v(field) ?? []).some((x) => values.includes(x.toLowerCase())) === (op === 'in');
    }
    const wanted = take();
    return (v) => compareClause(v(field) ?? [], op, wanted);
  };
  const matches = where.trim() === '' ? () => true : expression();
  if (at < tokens.length) throw new Error(`Unexpected "${tokens[at] ?? ''}" in the JQL query.`);
  return { matches, order };
}

function compareClause(values: readonly string[], op: string, wanted: string): boolean {
  const lower = wanted.toLowerCase();
  if (op === '=') return values.some((x) => x.toLowerCase() === lower);
  if (op === '!=') return !values.some((x) => x.toLowerCase() === lower);
  const time = Date.parse(wanted.replace(/\//g, '-').replace(' ', 'T') + (/\d{2}:\d{2}$/.test(wanted) ? ':00Z' : ''));
  const numeric = (x: string): number => (Number.isFinite(time) ? Date.parse(x) : Number(x));
  const bound = Number.isFinite(time) ? time : Number(wanted);
  return values.some((x) => {
    const n = numeric(x);
    if (op === '>=') return n >= bound;
    if (op === '<=') return n <= bound;
    if (op === '>') return n > bound;
    if (op === '<') return n < bound;
    throw new Error(`The operator '${op}' is not supported here.`);
  });
}
