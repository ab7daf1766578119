/**
 * Refreshes the queue when a local queue file changes outside the editor (another window, git, a
 * script). Bursts of events (an atomic rename fires several) become one refresh.
 */
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';

const DEBOUNCE_MS = 150;

export class QueueFileWatcher implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: () => void) {}

  watch(files: readonly vscode.Uri[]): void {
    this.disposeWatchers();
    this.watchers = files.map((file) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(file.fsPath)), basename(file.fsPath)));
      const changed = (): void => this.schedule();
      watcher.onDidChange(changed);
      watcher.onDidCreate(changed);
      watcher.onDidDelete(changed);
      return watcher;
    });
  }

  dispose(): void {
    this.disposeWatchers();
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, DEBOUNCE_MS);
  }

  private disposeWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }
}
