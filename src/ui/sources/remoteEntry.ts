/**
 * The entry point of `dist/remote.js`: the remote sources with the HTTP layer and axios
 * (`src/providers/remoteSources.ts`), the accounts that sign in to them and the sign-in commands.
 * Loaded the first time a remote source is configured or a sign-in command runs, so a workspace
 * with only the local queue never loads it.
 */
export { buildRemoteSource } from './remoteSourceBuilders';
export { createAccounts } from './sourceAccounts';
