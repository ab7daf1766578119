/** Reaches the extension under test, as integration tests see it. */
import * as vscode from 'vscode';
import type { SupportRotationApi } from '../../src/extension';
import type { SnapshotRow } from '../../src/ui/queue/queueSnapshot';

export const EXTENSION_ID = 'support-rotation.support-rotation';

export async function extensionApi(): Promise<SupportRotationApi> {
  const extension = vscode.extensions.getExtension<SupportRotationApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  return extension.activate();
}

export function queueFilePath(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the sample workspace open');
  return vscode.Uri.joinPath(folder.uri, '.support', 'queue.json').fsPath;
}

/** Polls until `check` passes or the time is up; returns the last value for the assertion message. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** The tickets' labels under a top-level group, flattened through its sub-groups. */
export function ticketsUnder(rows: readonly SnapshotRow[], groupLabel: string): string[] {
  const group = rows.find((r) => r.label === groupLabel);
  const flatten = (row: SnapshotRow): string[] => (row.contextValue?.startsWith('ticket.') ? [row.label] : row.children.flatMap(flatten));
  return group ? group.children.flatMap(flatten) : [];
}
