/**
 * JSON's scanner, to say where a queue file that is not JSON breaks: `dist/jsonSyntax.js`, beside
 * the bundle this code runs in (esbuild.mjs). Loaded the first time a queue file fails to parse.
 */
import type * as JsonSyntaxError from '../../providers/local/jsonSyntaxError';

export function jsonSyntax(): typeof JsonSyntaxError {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use cannot be a static import
  return require('./jsonSyntax.js') as typeof JsonSyntaxError;
}
