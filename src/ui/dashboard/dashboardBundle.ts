/**
 * The rotation dashboard: `dist/dashboard.js`, beside the bundle this code runs in (esbuild.mjs).
 * Loaded on the first "Open Rotation Dashboard", once.
 */
import type * as DashboardModule from './dashboard';

export function dashboardModule(): typeof DashboardModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./dashboard.js') as typeof DashboardModule;
}
