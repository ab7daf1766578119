/**
 * Records the progress notifications the extension shows, from inside the extension host, and
 * whether each is still shown: its task runs as VS Code would run it, and the notification is gone
 * when the task has ended.
 */
import * as vscode from 'vscode';

export interface ShownProgress {
  readonly title: string;
  readonly ended: boolean;
}

export interface WatchedProgress {
  readonly shown: ShownProgress[];
  restore(): void;
}

type WithProgress = (
  options: vscode.ProgressOptions,
  task: (progress: vscode.Progress<unknown>, token: vscode.CancellationToken) => Thenable<unknown>,
) => Thenable<unknown>;

export function watchProgress(): WatchedProgress {
  const window = vscode.window as unknown as { withProgress: WithProgress };
  const original = window.withProgress;
  const shown: { title: string; ended: boolean }[] = [];
  window.withProgress = (options, task) => {
    const entry = { title: options.title ?? '', ended: false };
    shown.push(entry);
    const cancellation = new vscode.CancellationTokenSource();
    return Promise.resolve(task({ report: () => undefined }, cancellation.token)).finally(() => {
      entry.ended = true;
      cancellation.dispose();
    });
  };
  return { shown, restore: () => (window.withProgress = original) };
}

/** The command links of a notification's text, `[label](command:id?args)`, by label. */
export function commandLinks(text: string): Map<string, { command: string; args: unknown[] }> {
  const links = new Map<string, { command: string; args: unknown[] }>();
  for (const match of text.matchAll(/\[([^\]]+)\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)) {
    const [, label = '', command = '', query] = match;
    links.set(label, { command, args: query ? (JSON.parse(decodeURIComponent(query)) as unknown[]) : [] });
  }
  return links;
}
