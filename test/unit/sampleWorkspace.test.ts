import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parse } from 'jsonc-parser';
import { queueFileSchema } from '../../src/providers/local/queueFileSchema';
import { SAMPLE_DEMO_USER } from '../../src/providers/local/sampleQueue';
import { makeSampleWorkspace } from '../../scripts/make-sample-workspace';
import { sampleQueue } from '../support/sampleQueueData';

const SAMPLE_DIR = join(__dirname, '..', '..', 'sample');
const now = new Date('2026-11-24T12:00:00Z');
const NINE_MONTHS_MS = 275 * 24 * 3_600_000;

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(root, full);
    return [relative(root, full).split(sep).join('/')];
  });
}

describe('sample workspace', function () {
  // Building it runs a few hundred git commands: on a loaded machine that takes more than a minute.
  this.timeout(180_000);
  let tmp: string;
  let workspace: string;

  /** git in the workspace, untouched by the user's own git configuration. */
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: workspace,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: tmp, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, LC_ALL: 'C' },
    });

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'support-rotation-sample-'));
    workspace = join(tmp, 'acme-cloud');
    await makeSampleWorkspace(workspace, { now });
  });

  after(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('has a history of at least 60 commits on main', () => {
    assert.ok(Number(git('rev-list', '--count', 'HEAD')) >= 60);
    assert.equal(git('branch', '--show-current').trim(), 'main');
  });

  it('has at least six authors once .mailmap merges the second address', () => {
    const authors = git('shortlog', '-sne', '--all')
      .trim()
      .split('\n')
      .map((line) => line.replace(/^\s*\d+\s+/, ''));
    assert.ok(authors.length >= 6, authors.join('\n'));
    assert.ok(authors.includes('Diego Alvarez <diego.alvarez@example.com>'));
    assert.ok(authors.some((a) => a.startsWith('dependabot[bot] <')));
    assert.ok(!authors.some((a) => a.includes('alvarez-home')), 'the home address is merged');
    assert.match(git('log', '--format=%ae'), /diego@alvarez-home\.example/, 'the raw history has both addresses');
  });

  it('spreads the commits over the nine months before now', () => {
    const times = git('log', '--format=%at %ct')
      .trim()
      .split('\n')
      .flatMap((line) => line.split(' ').map((s) => Number(s) * 1000));
    assert.ok(times.every((t) => t <= now.getTime() && t >= now.getTime() - NINE_MONTHS_MS));
    assert.ok(Math.max(...times) - Math.min(...times) > 240 * 24 * 3_600_000);
  });

  it('renames a file somewhere in the history', () => {
    assert.match(git('log', '--diff-filter=R', '--name-status', '--format='), /^R\d+\t\S+\t\S+$/m);
  });

  it('is clean: the generated queue is ignored, everything else committed', () => {
    assert.equal(git('status', '--porcelain', '--untracked-files=all'), '');
    assert.match(git('check-ignore', '.support/queue.json'), /queue\.json/);
  });

  it('tracks exactly the files of sample/, with the same content', () => {
    const expected = listFiles(SAMPLE_DIR)
      .filter((f) => !f.startsWith('.support/queue.json'))
      .sort();
    const tracked = git('ls-files').trim().split('\n').sort();
    assert.deepEqual(tracked, expected);
    for (const file of tracked) {
      assert.equal(git('show', `HEAD:${file}`), readFileSync(join(SAMPLE_DIR, file), 'utf8'), file);
    }
  });

  it('is configured for the demo user', () => {
    assert.equal(git('config', '--local', 'user.email').trim(), SAMPLE_DEMO_USER);
    assert.equal(git('config', '--local', 'user.name').trim(), 'Sam Taylor');
  });

  it('writes a valid queue whose people are the authors of the history', () => {
    const queue: unknown = JSON.parse(readFileSync(join(workspace, '.support', 'queue.json'), 'utf8'));
    assert.ok(queueFileSchema.safeParse(queue).success);
    assert.deepEqual(queue, JSON.parse(JSON.stringify(sampleQueue(now))));
    const authors = new Set(git('log', '--format=%aE').trim().split('\n'));
    for (const ticket of sampleQueue(now).tickets) {
      if (ticket.assignee !== null) assert.ok(authors.has(ticket.assignee), `${ticket.key}: ${ticket.assignee} has no commit`);
    }
  });

  it('configures its people: every author of the history, each with the handle CODEOWNERS names them by, and a region', () => {
    const settings = parse(readFileSync(join(workspace, '.vscode', 'settings.json'), 'utf8')) as {
      'supportRotation.people': { email: string; handles: string[]; region: string }[];
    };
    const people = settings['supportRotation.people'];
    const emails = new Set(people.map((p) => p.email));
    const authors = git('log', '--use-mailmap', '--format=%aE').trim().split('\n');
    for (const author of new Set(authors)) if (!author.includes('[bot]')) assert.ok(emails.has(author), `${author} is not in supportRotation.people`);
    const handles = new Set(people.flatMap((p) => p.handles));
    const personal = [...readFileSync(join(workspace, '.github', 'CODEOWNERS'), 'utf8').matchAll(/(?<=\s)@[\w-]+(?=\s|$)/gm)].map((m) => m[0]);
    assert.ok(personal.length >= 3, personal.join(' '));
    for (const handle of personal) assert.ok(handles.has(handle), `CODEOWNERS names ${handle}, whom no person has as a handle`);
    for (const person of people) assert.match(person.region, /^(AMER|EMEA|APAC)$/);
  });

  it('refuses a destination that is not empty', async () => {
    const occupied = join(tmp, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'notes.txt'), 'keep me');
    await assert.rejects(makeSampleWorkspace(occupied, { now }), /not empty/);
    assert.equal(readFileSync(join(occupied, 'notes.txt'), 'utf8'), 'keep me');
  });
});
