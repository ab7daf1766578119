/** The view's own choices (grouping mode, region filter, ticket filter), kept per workspace across reloads. */
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { GroupingMode } from '../../core/queueGrouping';
import { NO_TICKET_FILTER, type TicketFilter } from '../../core/ticketFilter';

const MODE_KEY = 'supportRotation.groupingMode';
const REGIONS_KEY = 'supportRotation.regionFilter';
const FILTER_KEY = 'supportRotation.ticketFilter';

/** Workspace state outlives versions of the extension: what another version stored is checked, never trusted. */
const storedFilterSchema = z.object({
  severities: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('unknown')])),
  statuses: z.array(z.string()),
  teams: z.array(z.string()),
  organizations: z.array(z.string()),
  urgentOnly: z.boolean(),
});

export class QueueViewState {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly defaultMode: () => GroupingMode,
  ) {}

  get mode(): GroupingMode {
    return this.memento.get<GroupingMode>(MODE_KEY) ?? this.defaultMode();
  }

  get regions(): readonly string[] {
    return this.memento.get<string[]>(REGIONS_KEY) ?? [];
  }

  get filter(): TicketFilter {
    const stored = storedFilterSchema.safeParse(this.memento.get(FILTER_KEY));
    return stored.success ? stored.data : NO_TICKET_FILTER;
  }

  async setMode(mode: GroupingMode): Promise<void> {
    await this.memento.update(MODE_KEY, mode);
    this.changed.fire();
  }

  async setRegions(regions: readonly string[]): Promise<void> {
    await this.memento.update(REGIONS_KEY, [...regions]);
    this.changed.fire();
  }

  async setFilter(filter: TicketFilter): Promise<void> {
    await this.memento.update(FILTER_KEY, filter);
    this.changed.fire();
  }

  /** Clears the region filter too: "Clear Filter" means the whole queue again. */
  async clearFilters(): Promise<void> {
    await this.memento.update(REGIONS_KEY, []);
    await this.memento.update(FILTER_KEY, NO_TICKET_FILTER);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
