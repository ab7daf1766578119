/**
 * Jira's sign-in and source building: `dist/jira.js`, beside the bundle this code runs in
 * (esbuild.mjs). A workspace without a Jira source never loads it.
 */
import type * as JiraBundle from './jiraBundle';

export function jiraBundle(): typeof JiraBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./jira.js') as typeof JiraBundle;
}
