/**
 * CODEOWNERS and the team ranking: `dist/ownership.js`, beside the bundle this code runs in
 * (esbuild.mjs). Loaded on the first hand-off or search for experts, once.
 */
import type * as OwnershipRules from '../../core/ownership/ownershipRules';

export function ownershipRules(): typeof OwnershipRules {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./ownership.js') as typeof OwnershipRules;
}
