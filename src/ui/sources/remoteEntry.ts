/**
 * The entry point of `dist/remote.js`: the remote sources with the HTTP layer and axios
 * (`src/providers/remoteSources.ts`), the accounts that sign in to them and the sign-in commands,
 * and Create Merge Request, since only remote sources open one. Loaded the first time a remote
 * source is configured, a sign-in command runs or a merge request is asked for, so a workspace with
 * only the local queue never loads it.
 */
export { buildRemoteSource } from './remoteSourceBuilders';
export { createAccounts } from './sourceAccounts';
export { MergeRequestCommand } from '../branch/mergeRequestCommand';
