/**
 * The rotation handover and the journal's writing: `dist/handover.js`, beside the bundle this code
 * runs in (esbuild.mjs). Loaded at the first write to a ticket or the first handover, once.
 */
import type * as HandoverBundle from './bundleEntry';

export function handoverRun(): typeof HandoverBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./handover.js') as typeof HandoverBundle;
}
