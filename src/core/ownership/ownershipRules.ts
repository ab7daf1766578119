/**
 * The entry point of `dist/ownership.js`: CODEOWNERS (with the `ignore` matcher under it) and the
 * ranking of teams by evidence. Only a hand-off or a search for experts needs them, so they are
 * loaded then, never at activation. Pure functions: the bundle holds no state of its own.
 */
export { codeownersLocation, codeownersMatcher, parseCodeowners } from './codeowners';
export { rankTeams } from './teamRanking';
