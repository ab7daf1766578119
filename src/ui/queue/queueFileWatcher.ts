/**
 * Refreshes the queue when a local queue file changes outside the editor (another window, git, a
 * script). Bursts of events (an atomic rename fires several) become one refresh.
 */
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';

const DEBOUNCE_MS = 150;

export class QueueFileWatcher implements vscode.Disposable {
  /** By file path. */
  private watchers = new Map<string, vscode.FileSystemWatcher>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: () => void) {}

  /**
   * A file watched already keeps its watcher: a new one starts listening only some time after it is
   * made, and a change (a deleted queue) in that gap would never be seen.
   */
  watch(files: readonly vscode.Uri[]): void {
    const wanted = new Set(files.map((f) => f.fsPath));
    for (const [path, watcher] of this.watchers) {
      if (wanted.has(path)) continue;
      watcher.dispose();
      this.watchers.delete(path);
    }
    for (const path of wanted) if (!this.watchers.has(path)) this.watchers.set(path, this.createWatcher(path));
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    if (this.timer) clearTimeout(this.timer);
  }

  private createWatcher(path: string): vscode.FileSystemWatcher {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(path)), basename(path)));
    const changed = (): void => this.schedule();
    watcher.onDidChange(changed);
    watcher.onDidCreate(changed);
    watcher.onDidDelete(changed);
    return watcher;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, DEBOUNCE_MS);
  }
}
