/**
 * The resolved-ticket index and the fix-commit query: `dist/similar.js`, beside
 * the bundle this code runs in (esbuild.mjs). Loaded once, after activation's work is done.
 */
import type * as SimilarStoreModule from './seenBeforeService';

export function similarStoreModule(): typeof SimilarStoreModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./similar.js') as typeof SimilarStoreModule;
}
