/**
 * The HTTP layer and the remote sources: `dist/remote.js`, beside the bundle this code runs in
 * (esbuild.mjs). The local queue never needs it, so it is loaded on first use, once.
 */
import type * as RemoteSources from '../../providers/remoteSources';

export function remoteSources(): typeof RemoteSources {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./remote.js') as typeof RemoteSources;
}
