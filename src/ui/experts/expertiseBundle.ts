/**
 * The expertise index and the git history reading that builds it: `dist/expertise.js`, beside the
 * bundle this code runs in (esbuild.mjs). Loaded on the first "Pair with an Expert", once.
 */
import type * as ExpertiseHistory from '../../git/expertiseHistory';

export function expertiseHistory(): typeof ExpertiseHistory {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./expertise.js') as typeof ExpertiseHistory;
}
