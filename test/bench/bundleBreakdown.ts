/** What went into a bundle, from esbuild's metafile: bytes per npm package, and per folder of the extension's own code. */

export interface BundleMetafile {
  readonly outputs: Record<
    string,
    { readonly bytes: number; readonly entryPoint?: string; readonly inputs: Record<string, { readonly bytesInOutput: number }> }
  >;
}

export interface BundlePart {
  /** An npm package (`zod`, `@vscode-elements/elements`), or a folder of the extension's own code (`src/ui/queue`). */
  readonly part: string;
  readonly bytes: number;
}

/** The bundle's output: the one with an entry point (a metafile may also list a sourcemap). */
export function bundleOutput(meta: BundleMetafile): BundleMetafile['outputs'][string] {
  const output = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) throw new Error('The metafile has no bundle with an entry point');
  return output;
}

const NODE_MODULES = 'node_modules/';

/** The package an input belongs to (the innermost, for a nested dependency), or its folder of the extension's own code. */
export function partOf(input: string): string {
  const at = input.lastIndexOf(NODE_MODULES);
  if (at >= 0) {
    const [first = '', second = ''] = input.slice(at + NODE_MODULES.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  // Up to three folders: src/ui/queue, src/providers/gitlab, src/core (for src/core/sla.ts), webview.
  return input.split('/').slice(0, -1).slice(0, 3).join('/') || input;
}

/** The parts of the bundle, largest first. */
export function breakdown(meta: BundleMetafile): BundlePart[] {
  const bytes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(bundleOutput(meta).inputs)) {
    bytes.set(partOf(input), (bytes.get(partOf(input)) ?? 0) + bytesInOutput);
  }
  return [...bytes].map(([part, size]) => ({ part, bytes: size })).sort((a, b) => b.bytes - a.bytes);
}
