/**
 * A small real repository whose file names git quotes or that look like its own rename notation
 * (non-ASCII letters, a quote, a backslash, ` => `, braces), renamed along the way, one renamed
 * away and made again under its old name, and a side branch merged with `-s ours`, so that its
 * commit is reachable but left out of a path-limited `git log` unless every commit is asked for.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PEOPLE = {
  ana: 'ana@example.com',
  bo: 'bo@example.com',
  cy: 'cy@example.com',
  dee: 'dee@example.com',
  eve: 'eve@example.com',
} as const;

type Person = keyof typeof PEOPLE;

const START = 1_780_000_000;
const DAY = 86_400;

export interface OddHistory {
  readonly dir: string;
  git(...args: string[]): string;
  commit(who: Person, message: string): void;
  write(path: string, text: string): void;
  append(path: string, text: string): void;
  rename(from: string, to: string): void;
}

function oddHistory(dir: string): OddHistory {
  let day = 0;
  const env = (who: Person): NodeJS.ProcessEnv => {
    const when = `${START + day * DAY} +0000`;
    return {
      ...process.env,
      GIT_AUTHOR_NAME: who,
      GIT_AUTHOR_EMAIL: PEOPLE[who],
      GIT_COMMITTER_NAME: who,
      GIT_COMMITTER_EMAIL: PEOPLE[who],
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_DATE: when,
    };
  };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: env('ana') });
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  return {
    dir,
    git,
    commit: (who, message) => {
      day++;
      execFileSync('git', ['add', '-A'], { cwd: dir });
      execFileSync('git', ['commit', '-q', '-m', message], { cwd: dir, env: env(who) });
    },
    write,
    append: (path, text) => write(path, readFileSync(join(dir, path), 'utf8') + text),
    rename: (from, to) => {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      git('mv', from, to);
    },
  };
}

const lines = (name: string, count: number): string => Array.from({ length: count }, (_, i) => `${name} line ${i}\n`).join('');

/** The names as they are in the tree at the end. */
export const ODD_NAMES = {
  cafe: 'crème/brûlée.c',
  chain: 'ünï "cödé"\\.txt',
  braces: 'lib/x.c',
  backslash: 'back\\slash.txt',
  remade: 'say "hi".txt',
  movedAway: 'moved => away.txt',
} as const;

/** The history described above; HEAD on `main`. */
export function makeOddHistory(dir: string): OddHistory {
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '--initial-branch=main'], { cwd: dir });
  const h = oddHistory(dir);
  for (const path of ['café.c', 'old name.txt', 'lib/{braces}/x.c', 'back\\slash.txt', 'say "hi".txt']) h.write(path, lines(path, 12));
  h.commit('ana', 'Start');
  h.append('café.c', 'more\n');
  h.commit('ana', 'Café');
  h.append('old name.txt', 'more\n');
  h.append('back\\slash.txt', 'more\n');
  h.commit('bo', 'Two files');
  h.rename('café.c', ODD_NAMES.cafe);
  h.commit('ana', 'Café moves');
  h.rename('old name.txt', 'a => b.txt');
  h.append('a => b.txt', 'changed on the way\n');
  h.commit('cy', 'A name with an arrow');
  h.append(ODD_NAMES.cafe, 'more\n');
  h.append('say "hi".txt', 'more\n');
  h.commit('bo', 'Brûlée and hi');
  h.rename('a => b.txt', ODD_NAMES.chain);
  h.commit('cy', 'And a quote and a backslash');
  h.rename('lib/{braces}/x.c', ODD_NAMES.braces);
  h.commit('bo', 'Out of the braces');
  h.rename('say "hi".txt', ODD_NAMES.movedAway);
  h.commit('dee', 'Moved away');
  h.write(ODD_NAMES.remade, 'a new file under the old name\n');
  h.commit('dee', 'A new hi');
  h.git('checkout', '-q', '-b', 'side', 'HEAD~1');
  h.append(ODD_NAMES.backslash, 'from the side\n');
  h.commit('eve', 'On the side');
  h.git('checkout', '-q', 'main');
  h.git('merge', '-q', '-s', 'ours', '--no-edit', 'side');
  return h;
}
