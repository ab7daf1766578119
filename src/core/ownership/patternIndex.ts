/**
 * The compiled patterns that can match a path, found by walking the path's directories through a
 * tree of the patterns' literal prefixes. A path in a large monorepo file is then tested against
 * the handful of rules for its own directories, not against every rule of the file.
 */
import type { CompiledPattern } from './codeownersPattern';

interface Node<T> {
  readonly entries: { readonly order: number; readonly item: T }[];
  readonly children: Map<string, Node<T>>;
}

/** Returns, for a path, the items whose pattern may match it, in the order they were given. */
export function patternIndex<T extends { readonly pattern: CompiledPattern }>(items: readonly T[]): (path: string) => T[] {
  const root = emptyNode<T>();
  items.forEach((item, order) => {
    let node = root;
    for (const segment of item.pattern.prefix.split('/').filter((s) => s !== '')) {
      const next = node.children.get(segment) ?? emptyNode<T>();
      node.children.set(segment, next);
      node = next;
    }
    node.entries.push({ order, item });
  });
  return (path) => {
    const found = [...root.entries];
    let node: Node<T> | undefined = root;
    const directories = path.split('/').slice(0, -1);
    for (const directory of directories) {
      node = node.children.get(directory);
      if (!node) break;
      found.push(...node.entries);
    }
    return found.sort((a, b) => a.order - b.order).map((entry) => entry.item);
  };
}

function emptyNode<T>(): Node<T> {
  return { entries: [], children: new Map() };
}
