/**
 * The queue filter as one multi-select quick pick in sections (urgency, severity, status, team,
 * organisation): a keyboard user types to narrow, ticks what they want and applies it all with
 * Enter, instead of walking through one dialog per dimension.
 */
import * as vscode from 'vscode';
import { severityLabel, type Severity } from '../../core/severity';
import { filterChoices, type TicketFilter } from '../../core/ticketFilter';
import type { Ticket } from '../../core/ticket';

type Choice =
  | { readonly dimension: 'urgentOnly' }
  | { readonly dimension: 'severities'; readonly value: Severity }
  | { readonly dimension: 'statuses' | 'teams' | 'organizations'; readonly value: string };

type ChoiceItem = vscode.QuickPickItem & { readonly choice?: Choice };

/** Undefined when the pick was dismissed: the filter stays as it was. */
export async function pickTicketFilter(tickets: readonly Ticket[], current: TicketFilter): Promise<TicketFilter | undefined> {
  const picked = await vscode.window.showQuickPick(filterItems(tickets, current), {
    canPickMany: true,
    matchOnDescription: true,
    placeHolder: vscode.l10n.t('Show only tickets that match (none selected: the whole queue)'),
  });
  if (!picked) return undefined;
  const choices = picked.flatMap((item) => (item.choice ? [item.choice] : []));
  const values = (dimension: 'statuses' | 'teams' | 'organizations'): string[] =>
    choices.flatMap((c) => (c.dimension !== 'urgentOnly' && c.dimension !== 'severities' && c.dimension === dimension ? [c.value] : []));
  return {
    severities: choices.flatMap((c) => (c.dimension === 'severities' ? [c.value] : [])),
    statuses: values('statuses'),
    teams: values('teams'),
    organizations: values('organizations'),
    urgentOnly: choices.some((c) => c.dimension === 'urgentOnly'),
  };
}

function filterItems(tickets: readonly Ticket[], current: TicketFilter): ChoiceItem[] {
  const choices = filterChoices(tickets, current);
  const section = (label: string, items: ChoiceItem[]): ChoiceItem[] =>
    items.length === 0 ? [] : [{ label, kind: vscode.QuickPickItemKind.Separator }, ...items];
  const values = (dimension: 'statuses' | 'teams' | 'organizations', description: string): ChoiceItem[] =>
    choices[dimension].map((value) => ({ label: value, description, picked: current[dimension].includes(value), choice: { dimension, value } }));
  return [
    {
      label: `$(watch) ${vscode.l10n.t('Breached or due within the hour')}`,
      picked: current.urgentOnly,
      choice: { dimension: 'urgentOnly' },
    },
    ...section(
      vscode.l10n.t('Severity'),
      choices.severities.map((value) => ({
        label: severityLabel(value),
        description: value === 'unknown' ? vscode.l10n.t('not yet triaged') : vscode.l10n.t('severity'),
        picked: current.severities.includes(value),
        choice: { dimension: 'severities', value },
      })),
    ),
    ...section(vscode.l10n.t('Status'), values('statuses', vscode.l10n.t('status'))),
    ...section(vscode.l10n.t('Team'), values('teams', vscode.l10n.t('team'))),
    ...section(vscode.l10n.t('Organisation'), values('organizations', vscode.l10n.t('organisation'))),
  ];
}
