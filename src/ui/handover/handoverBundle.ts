/**
 * Hand Over My Rotation: `dist/handover.js`, beside the bundle this code runs in (esbuild.mjs).
 * Loaded the first time a rotation is handed over, once.
 */
import type * as HandoverBundle from './handoverRun';

export function handoverRun(): typeof HandoverBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./handover.js') as typeof HandoverBundle;
}
