/**
 * Fix branch names from a template (setting `supportRotation.branch.template`). Every value and
 * every piece of literal text is reduced to characters git always accepts, then each path
 * component is cleaned of what `git check-ref-format --branch` refuses (`..`, a leading `.` or
 * `-`, a trailing `.`, `.lock`, empty components), so the result is valid whatever a ticket says.
 */
import type { Severity } from './severity';
import type { Ticket } from './ticket';

export const DEFAULT_BRANCH_TEMPLATE = 'support/${key}-${slug}';
export const BRANCH_TEMPLATE_SETTING = 'supportRotation.branch.template';

export const BRANCH_VARIABLES = ['key', 'id', 'slug', 'severity', 'source', 'user', 'team'] as const;
type Variable = (typeof BRANCH_VARIABLES)[number];

/** Git accepts far longer names; file systems and people do not. */
const MAX_NAME_LENGTH = 200;
const SLUG_FALLBACK = 'ticket';

export interface BranchNameOptions {
  /** Setting `supportRotation.branch.maxSlugLength`. */
  readonly maxSlugLength: number;
  /** "Me" in the ticket's source; `${user}` is the part before any `@`. */
  readonly user?: string;
}

export type BranchTicket = Pick<Ticket, 'key' | 'id' | 'title' | 'severity' | 'sourceId' | 'team'>;
export type BranchNameResult = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly message: string };

type Piece = { readonly literal: string } | { readonly variable: Variable };

export function branchNameFor(ticket: BranchTicket, template: string, options: BranchNameOptions): BranchNameResult {
  const parsed = parseTemplate(template);
  if (!Array.isArray(parsed)) return parsed;
  const values = variableValues(ticket, options);
  const raw = parsed.map((piece) => ('literal' in piece ? literalText(piece.literal) : values[piece.variable])).join('');
  const name = cleanName(raw);
  if (name === '') {
    return { ok: false, message: `The setting ${BRANCH_TEMPLATE_SETTING} ("${template}") gives an empty branch name for ${ticket.key}.` };
  }
  return { ok: true, name };
}

/** The message to show when a template can never give a usable name, else undefined. */
export function validateBranchTemplate(template: string): string | undefined {
  const parsed = parseTemplate(template);
  return Array.isArray(parsed) ? undefined : parsed.message;
}

/** `${slug}`: the title in lower-case ASCII words joined by `-`, cut on a word boundary. */
export function slugOf(title: string, maxLength: number): string {
  const words = foldToAscii(title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (words.length <= maxLength) return words;
  const cut = words.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : words.slice(0, maxLength)).replace(/-+$/, '');
}

function parseTemplate(template: string): Piece[] | { ok: false; message: string } {
  const pieces: Piece[] = [];
  const pattern = /\$\{([^}]*)\}/g;
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    const name = match[1] ?? '';
    if (!(BRANCH_VARIABLES as readonly string[]).includes(name)) {
      return { ok: false, message: `The setting ${BRANCH_TEMPLATE_SETTING} uses \${${name}}, which is not known. Use ${BRANCH_VARIABLES.map((v) => `\${${v}}`).join(', ')}.` };
    }
    if (match.index > last) pieces.push({ literal: template.slice(last, match.index) });
    pieces.push({ variable: name as Variable });
    last = match.index + match[0].length;
  }
  if (last < template.length) pieces.push({ literal: template.slice(last) });
  if (!pieces.some((p) => 'variable' in p && (p.variable === 'key' || p.variable === 'id'))) {
    return { ok: false, message: `The setting ${BRANCH_TEMPLATE_SETTING} ("${template}") needs \${key} or \${id}, so that each ticket gets its own branch.` };
  }
  return pieces;
}

function variableValues(ticket: BranchTicket, options: BranchNameOptions): Record<Variable, string> {
  const id = valueText(ticket.id);
  return {
    key: valueText(ticket.key) || id || SLUG_FALLBACK,
    id: id || SLUG_FALLBACK,
    slug: slugOf(ticket.title, options.maxSlugLength) || SLUG_FALLBACK,
    severity: severityText(ticket.severity),
    source: valueText(ticket.sourceId),
    user: valueText((options.user ?? '').split('@')[0] ?? '').toLowerCase(),
    team: valueText(ticket.team ?? '').toLowerCase(),
  };
}

function severityText(severity: Severity): string {
  return severity === 'unknown' ? 'untriaged' : `s${severity}`;
}

/** A value never adds a `/`: one variable stays inside one path component. */
function valueText(text: string): string {
  return foldToAscii(text).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
}

/** Literal text keeps its `/` separators; everything else outside the allow-list becomes `-`. */
function literalText(text: string): string {
  return foldToAscii(text).replace(/[^A-Za-z0-9._/-]+/g, '-');
}

/** Component by component, removes what git refuses; then bounds the length. */
function cleanName(raw: string): string {
  const components = raw
    .split('/')
    .map(cleanComponent)
    .filter((c) => c !== '');
  let name = components.join('/');
  if (name.length > MAX_NAME_LENGTH) name = cleanName(name.slice(0, MAX_NAME_LENGTH));
  // `HEAD` alone is refused as a branch name; a name must not start with `-` (cleaned above).
  return name === 'HEAD' ? 'HEAD-branch' : name;
}

function cleanComponent(component: string): string {
  let text = component.replace(/\.{2,}/g, '.').replace(/-{2,}/g, '-');
  // `.lock` may appear again once an outer one is removed (`a.lock.lock`).
  for (;;) {
    const trimmed = text.replace(/^[.-]+/, '').replace(/[.-]+$/, '');
    const unlocked = trimmed.replace(/\.lock$/i, '-lock');
    if (unlocked === text) return text;
    text = unlocked;
  }
}

const UNDECOMPOSABLE: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i',
};

/** Accents dropped (`é` → `e`), the letters that carry no accent spelled out (`ß` → `ss`). */
function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßẞæÆœŒøØłŁđĐðÐþÞı]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}
