/**
 * The remote sources, their HTTP layer and their accounts: `dist/remote.js`, beside the bundle this
 * code runs in (esbuild.mjs). The local queue never needs it, so it is loaded on first use, once.
 */
import type * as RemoteEntry from './remoteEntry';

export function remoteSources(): typeof RemoteEntry {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./remote.js') as typeof RemoteEntry;
}
