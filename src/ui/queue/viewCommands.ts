/** The view's title-bar actions: refresh, the filters, grouping, and the queue file itself. */
import * as vscode from 'vscode';
import { regionsOf } from '../../core/queueFilter';
import type { GroupingMode } from '../../core/queueGrouping';
import { LocalSource } from '../../providers/local/localSource';
import type { Ticket } from '../../core/ticket';
import type { TicketFilter } from '../../core/ticketFilter';
import { VIEWS } from '../common/contributionIds';
import { log } from '../common/log';
import { pickTicketFilter } from './filterPick';
import type { QueueModel } from './queueModel';
import type { QueueViewState } from './queueViewState';

export class ViewCommands {
  constructor(
    private readonly model: QueueModel,
    private readonly viewState: QueueViewState,
  ) {}

  /** Shows progress in the view itself while every source loads. */
  refresh(): Promise<void> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEWS.queue } }, () => this.model.refresh()));
  }

  async filterRegion(): Promise<readonly string[] | undefined> {
    const regions = regionsOf(this.model.tickets());
    if (regions.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No ticket in the queue names a preferred region.'));
      return undefined;
    }
    const active = new Set(this.viewState.regions);
    const picked = await vscode.window.showQuickPick(
      regions.map((region) => ({ label: region, picked: active.has(region) })),
      { canPickMany: true, placeHolder: vscode.l10n.t('Show tickets for these preferred regions (none selected: all regions)') },
    );
    if (!picked) return undefined;
    const chosen = picked.map((p) => p.label);
    await this.viewState.setRegions(chosen);
    return chosen;
  }

  /** Chooses among the tickets the hidden statuses leave, so that a choice never names an empty queue. */
  async filterQueue(tickets: readonly Ticket[]): Promise<TicketFilter | undefined> {
    const chosen = await pickTicketFilter(tickets, this.viewState.filter);
    if (chosen) await this.viewState.setFilter(chosen);
    return chosen;
  }

  clearFilter(): Promise<void> {
    return this.viewState.clearFilters();
  }

  async changeGrouping(mode?: GroupingMode): Promise<GroupingMode | undefined> {
    const choice =
      mode ??
      (
        await vscode.window.showQuickPick(
          [
            {
              label: vscode.l10n.t('By ownership'),
              description: vscode.l10n.t('Assigned to me, unclaimed by severity, claimed by others'),
              mode: 'ownership' as const,
            },
            { label: vscode.l10n.t('By team'), description: vscode.l10n.t('One group per owning team'), mode: 'team' as const },
          ],
          { placeHolder: vscode.l10n.t('Group the queue') },
        )
      )?.mode;
    if (!choice) return undefined;
    await this.viewState.setMode(choice);
    return choice;
  }

  /** Opens the queue file of a local source (the first one when not told which). */
  async openQueueFile(sourceId?: unknown): Promise<void> {
    const locals = this.model
      .statuses()
      .map((s) => s.source)
      .filter((s): s is LocalSource => s instanceof LocalSource);
    const source = locals.find((s) => s.id === sourceId) ?? locals[0];
    if (!source) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No local queue is configured.'));
      return;
    }
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(source.queueFile));
    } catch (error) {
      log().warn(`Could not open ${source.queueFile}: ${String(error)}`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The queue file {0} could not be opened. Create it with "Support Rotation: Create Sample Queue" or check the setting.', source.queueFile),
      );
    }
  }

  openSettings(): Thenable<unknown> {
    return vscode.commands.executeCommand('workbench.action.openSettings', '@ext:support-rotation.support-rotation');
  }
}
