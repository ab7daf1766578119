/**
 * Which team should receive a hand-off, from the evidence at hand: files the ticket names (paths,
 * stack frames) and files changed on its fix branch, read through CODEOWNERS and the team map.
 */
import type * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';

export interface TeamChoice {
  readonly teamId: string;
  readonly teamName: string;
  /** What the ticket's source is given to move the ticket (for the local queue: its team name). */
  readonly route: string;
  /** In words, strongest first: "owns services/billing/** — 3 files named in the ticket". */
  readonly reasons: readonly string[];
}

export interface HandoffAdvice {
  /** Teams the evidence points at, best first. */
  readonly suggestions: readonly TeamChoice[];
  /** The rest of the team map, for a choice the evidence does not support. */
  readonly otherTeams: readonly TeamChoice[];
  /** Files the evidence names, with the team that owns each and why. */
  readonly suspects: readonly { readonly path: string; readonly teamId: string; readonly why: string }[];
}

export interface OwnershipAdvisor {
  /** `sourceKind` decides how each team is routed to (a label, a project, a team name). */
  advise(ticket: Ticket, sourceKind: string, token?: vscode.CancellationToken): Promise<HandoffAdvice>;
}
