/** The view's own choices (grouping mode, region filter), kept per workspace across reloads. */
import * as vscode from 'vscode';
import type { GroupingMode } from '../../core/queueGrouping';

const MODE_KEY = 'supportRotation.groupingMode';
const REGIONS_KEY = 'supportRotation.regionFilter';

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

  async setMode(mode: GroupingMode): Promise<void> {
    await this.memento.update(MODE_KEY, mode);
    this.changed.fire();
  }

  async setRegions(regions: readonly string[]): Promise<void> {
    await this.memento.update(REGIONS_KEY, [...regions]);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
