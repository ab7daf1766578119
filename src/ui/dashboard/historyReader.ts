/**
 * Reads every source's history for the dashboard, page by page, one source after another. A source
 * without history, or one that fails, is named in what comes back; the others are still counted.
 */
import * as vscode from 'vscode';
import type { TicketHistoryRecord } from '../../core/history/ticketHistory';
import type { TicketSource } from '../../providers/ticketSource';
import type { SourceHistoryView } from '../../shared/dashboardMessages';

/** A source answering page after page without end is stopped here, and said to be. */
const MAX_PAGES = 2_000;

export interface ReadHistory {
  readonly records: readonly TicketHistoryRecord[];
  readonly sources: readonly SourceHistoryView[];
}

export async function readHistory(
  sources: readonly TicketSource[],
  since: Date,
  log: Pick<vscode.LogOutputChannel, 'warn'>,
  progress: (message: string) => void,
  signal: AbortSignal,
): Promise<ReadHistory> {
  const records: TicketHistoryRecord[] = [];
  const views: SourceHistoryView[] = [];
  for (const source of sources) {
    if (!source.history) {
      views.push({ label: source.label, state: 'noHistory', message: vscode.l10n.t('{0}: no history', source.label) });
      continue;
    }
    const read = await readSource(source, since, log, signal, (count) => progress(vscode.l10n.t('Reading {0}: {1} tickets…', source.label, count)));
    records.push(...read.records);
    views.push(read.view);
  }
  return { records, sources: views };
}

async function readSource(
  source: TicketSource,
  since: Date,
  log: Pick<vscode.LogOutputChannel, 'warn'>,
  signal: AbortSignal,
  progress: (count: number) => void,
): Promise<{ records: TicketHistoryRecord[]; view: SourceHistoryView }> {
  const records: TicketHistoryRecord[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await (source.history as NonNullable<TicketSource['history']>)({ since, cursor, signal });
    if (result.kind !== 'ok') {
      log.warn(`Could not read the history of ${source.label}: ${result.message}`);
      return {
        records: [],
        view: { label: source.label, state: 'failed', message: vscode.l10n.t('{0}: could not read its history: {1}', source.label, result.message) },
      };
    }
    records.push(...result.value.records);
    progress(records.length);
    cursor = result.value.nextCursor;
    if (cursor === undefined) return { records, view: { label: source.label, state: 'read', records: records.length } };
  }
  return {
    records,
    view: {
      label: source.label,
      state: 'failed',
      records: records.length,
      message: vscode.l10n.t('{0}: stopped after {1} pages of history', source.label, MAX_PAGES),
    },
  };
}
