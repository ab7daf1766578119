/**
 * Fix branch names from a template (setting `supportRotation.branch.template`). Every value and
 * every piece of literal text is reduced to characters git always accepts, then each path
 * component is cleaned of what `git check-ref-format --branch` refuses (`..`, a leading `.` or
 * `-`, a trailing `.`, `.lock`, empty components), so the result is valid whatever a ticket says.
 */
import type { Severity } from './severity';
import type { Ticket } from './ticket';

export const DEFAULT_BRANCH_TEMPLATE = 'support/${key}-${slug}';
const BRANCH_TEMPLATE_SETTING = 'supportRotation.branch.template';

export const BRANCH_VARIABLES = ['key', 'id', 'slug', 'severity', 'source', 'user', 'team'] as const;
type Variable = (typeof BRANCH_VARIABLES)[number];

/** Git accepts far longer names; file systems and people do not. */
export const MAX_BRANCH_NAME_LENGTH = 200;
/** What `${slug}` (and `${key}`, `${id}`) become when nothing of the text survives. */
const FALLBACK = 'ticket';

export interface BranchNameOptions {
  /** Setting `supportRotation.branch.maxSlugLength`. */
  readonly maxSlugLength: number;
  /** "Me" in the ticket's source; `${user}` is the part before any `@`, in lower case. */
  readonly user?: string;
}

export type BranchTicket = Pick<Ticket, 'key' | 'id' | 'title' | 'severity' | 'sourceId' | 'team'>;
export type BranchNameResult = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly message: string };

type Piece = { readonly literal: string } | { readonly variable: Variable };

/**
 * The branch name for a ticket, or why the template cannot give one. A variable whose value is
 * empty (no `${team}`, no `${user}`) drops out, and so does a path component left empty by it.
 */
export function branchNameFor(ticket: BranchTicket, template: string, options: BranchNameOptions): BranchNameResult {
  const parsed = parseTemplate(template);
  if (!Array.isArray(parsed)) return parsed;
  const values = variableValues(ticket, options);
  const raw = parsed.map((piece) => ('literal' in piece ? literalText(piece.literal) : values[piece.variable])).join('');
  // Never empty: the template holds `${key}` or `${id}`, whose values always keep a character.
  return { ok: true, name: cleanName(raw) };
}

/** The message to show when a template can never give a usable name, else undefined. */
export function validateBranchTemplate(template: string): string | undefined {
  const parsed = parseTemplate(template);
  return Array.isArray(parsed) ? undefined : parsed.message;
}

/** `${slug}`: the title in lower-case ASCII words joined by `-`, cut on a word boundary. */
export function slugOf(title: string, maxLength: number): string {
  const words = foldToAscii(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (words.length <= maxLength) return words;
  // One character more than allowed: when it is the `-` after a word, that whole word still fits.
  const boundary = words.slice(0, maxLength + 1).lastIndexOf('-');
  return words.slice(0, boundary > 0 ? boundary : maxLength);
}

function parseTemplate(template: string): Piece[] | { ok: false; message: string } {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of template.matchAll(/\$\{([^}]*)\}/g)) {
    const name = match[1] ?? '';
    if (!isVariable(name)) {
      return refusal(`uses \${${name}}, which is not known. Use ${BRANCH_VARIABLES.map((v) => `\${${v}}`).join(', ')}.`);
    }
    if (match.index > last) pieces.push({ literal: template.slice(last, match.index) });
    pieces.push({ variable: name });
    last = match.index + match[0].length;
  }
  if (last < template.length) pieces.push({ literal: template.slice(last) });
  // Otherwise `${key` would quietly become the text `key`.
  if (pieces.some((p) => 'literal' in p && p.literal.includes('${'))) {
    return refusal(`(${JSON.stringify(template)}) has a \${ without its closing }.`);
  }
  if (!pieces.some((p) => 'variable' in p && (p.variable === 'key' || p.variable === 'id'))) {
    return refusal(`(${JSON.stringify(template)}) needs \${key} or \${id}, so that each ticket gets its own branch.`);
  }
  return pieces;
}

function isVariable(name: string): name is Variable {
  return (BRANCH_VARIABLES as readonly string[]).includes(name);
}

function refusal(problem: string): { ok: false; message: string } {
  return { ok: false, message: `The setting ${BRANCH_TEMPLATE_SETTING} ${problem}` };
}

function variableValues(ticket: BranchTicket, options: BranchNameOptions): Record<Variable, string> {
  const id = valueText(ticket.id) || FALLBACK;
  return {
    // Keys keep their case (`SUP-42` is how people search for them); `#123` becomes `123`.
    key: valueText(ticket.key) || id,
    id,
    slug: slugOf(ticket.title, options.maxSlugLength) || FALLBACK,
    severity: severityText(ticket.severity),
    source: valueText(ticket.sourceId),
    user: valueText(options.user?.split('@')[0] ?? '').toLowerCase(),
    team: valueText(ticket.team ?? '').toLowerCase(),
  };
}

/** `s1` … `s4`; `untriaged` rather than `s?` or `unknown`, which read as a broken template. */
function severityText(severity: Severity): string {
  return severity === 'unknown' ? 'untriaged' : `s${severity}`;
}

/** A value never adds a `/`: one variable stays inside one path component. */
function valueText(text: string): string {
  return foldToAscii(text)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** Literal text keeps its `/` separators; everything else outside the allow-list becomes `-`. */
function literalText(text: string): string {
  return foldToAscii(text).replace(/[^A-Za-z0-9._/-]+/g, '-');
}

/** Component by component, removes what git refuses; then bounds the length. */
function cleanName(raw: string): string {
  const name = raw
    .split('/')
    .map(cleanComponent)
    .filter((c) => c !== '')
    .join('/');
  if (name.length > MAX_BRANCH_NAME_LENGTH) return cleanName(name.slice(0, MAX_BRANCH_NAME_LENGTH));
  // `HEAD` alone is refused as a branch name (it is not as a component: `fix/HEAD` is fine).
  return name === 'HEAD' ? 'HEAD-branch' : name;
}

function cleanComponent(component: string): string {
  let text = component.replace(/\.{2,}/g, '.').replace(/-{2,}/g, '-');
  // `.lock` may appear again once an outer one is removed (`a.lock.lock`, `a.lock.`).
  for (;;) {
    const unlocked = text.replace(/^[.-]+|[.-]+$/g, '').replace(/\.lock$/i, '-lock');
    if (unlocked === text) return text;
    text = unlocked;
  }
}

/** Letters that carry no accent, so NFKD leaves them whole. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
};
const UNDECOMPOSABLE_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'g');

/** Accents dropped (`é` → `e`), the letters that have none spelled out (`ß` → `ss`). */
function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(UNDECOMPOSABLE_LETTER, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}
