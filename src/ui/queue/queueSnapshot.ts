/**
 * The tree as plain data, row by row, exactly as the view would render it: for the extension's
 * integration tests and for automation through the extension's exported API.
 */
import type * as vscode from 'vscode';

export interface SnapshotRow {
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly children: SnapshotRow[];
}

export async function snapshotTree<T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<SnapshotRow[]> {
  const children = (await provider.getChildren(node)) ?? [];
  return Promise.all(
    children.map(async (child) => {
      const item = await provider.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const description = typeof item.description === 'string' ? item.description : undefined;
      return { label, description, contextValue: item.contextValue, children: await snapshotTree(provider, child) };
    }),
  );
}
