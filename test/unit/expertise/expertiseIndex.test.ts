import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BOT_PATTERNS, botPatterns, rankExperts } from '../../../src/core/expertise/expertRanking';
import { codeownersMatcher, parseCodeowners } from '../../../src/core/ownership/codeowners';
import { buildIndex, headOf, indexOfPaths, updateIndex } from '../../../src/git/expertiseHistory';
import { makeSampleWorkspace } from '../../../scripts/make-sample-workspace';

const REFERENCE = 1_790_000_000;
const options = { halfLifeDays: 180, referenceTime: REFERENCE };

describe('the expertise index from git history', function () {
  this.timeout(60_000);
  let sample = '';
  const scratch: string[] = [];

  before(async () => {
    sample = join(mkdtempSync(join(tmpdir(), 'expertise-')), 'workspace');
    scratch.push(sample);
    await makeSampleWorkspace(sample);
  });
  after(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

  it('names the same top author per file as git shortlog -sn when recency is off', async () => {
    const head = (await headOf('git', sample)) ?? '';
    const { index } = await buildIndex('git', sample, head, options);
    const files = git(sample, 'ls-files')
      .split('\n')
      .filter((f) => f.startsWith('services/'));
    assert.ok(files.length >= 15);
    let compared = 0;
    for (const file of files) {
      const shortlog = git(sample, 'shortlog', '-sne', 'HEAD', '--', file)
        .split('\n')
        .filter(Boolean)
        .map((l) => /^\s*(\d+)\t.*<(.+)>$/.exec(l));
      const top = shortlog[0];
      if (!top || (shortlog[1] && shortlog[1][1] === top[1])) continue; // a tie has no single top author
      const [expert] = rankExperts(index, { files: [{ path: file, confidence: 1 }], now: REFERENCE, botPatterns: [], people: [], recency: false });
      assert.equal(expert?.email.toLowerCase(), top[2]?.toLowerCase(), file);
      // Counts can be higher than shortlog's: the index follows renames, `shortlog -- file` does not.
      assert.ok((expert?.files[0]?.commits ?? 0) >= Number(top[1]), file);
      compared++;
    }
    assert.ok(compared >= 10, `${compared} files compared`);
  });

  it('ranks the same experts, with the same evidence, from the history of the files alone as from the full index', async () => {
    const head = (await headOf('git', sample)) ?? '';
    const { index } = await buildIndex('git', sample, head, options);
    const services = git(sample, 'ls-files')
      .split('\n')
      .filter((f) => f.startsWith('services/'));
    for (const files of [services, services.filter((f) => f.startsWith('services/billing/')), services.slice(0, 3)]) {
      const alone = await indexOfPaths('git', sample, head, files, options);
      const query = { files: files.map((path) => ({ path, confidence: 1 })), now: REFERENCE, botPatterns: [], people: [], recency: true };
      assert.deepEqual(rankExperts(alone, query), rankExperts(index, query), files.join(', '));
    }
  });

  it('gives the same index when updated incrementally as when rebuilt, renames included', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'expertise-inc-'));
    scratch.push(repo);
    execFileSync('git', ['clone', '-q', sample, repo]);
    const before = (await headOf('git', repo)) ?? '';
    const cached = (await buildIndex('git', repo, before, options)).index.snapshot();
    const commitAs = (name: string, email: string, message: string): void => {
      execFileSync('git', ['-c', `user.name=${name}`, '-c', `user.email=${email}`, 'commit', '-q', '-am', message], { cwd: repo });
    };
    writeFileSync(
      join(repo, 'services/billing/lib/tax/vat_calculator.rb'),
      `${git(repo, 'show', 'HEAD:services/billing/lib/tax/vat_calculator.rb')}\n# note\n`,
    );
    commitAs('Nia New', 'nia@example.com', 'Touch the VAT calculator');
    git(repo, 'mv', 'services/billing/app/jobs/dunning_job.rb', 'services/billing/app/jobs/dunning_retry_job.rb');
    commitAs('Nia New', 'nia@example.com', 'Rename the dunning job');
    writeFileSync(
      join(repo, 'services/billing/app/jobs/dunning_retry_job.rb'),
      `${git(repo, 'show', 'HEAD:services/billing/app/jobs/dunning_retry_job.rb')}\n# retried\n`,
    );
    commitAs('Bot', 'dependabot[bot]@users.noreply.github.com', 'Bump');

    const updated = await updateIndex('git', repo, cached, options);
    assert.equal(updated.how, 'updated');
    assert.equal(updated.commitsRead, 3);
    const rebuilt = await buildIndex('git', repo, (await headOf('git', repo)) ?? '', options);
    const norm = (s: ReturnType<typeof updated.index.snapshot>): unknown =>
      Object.fromEntries(
        Object.entries(s.files).map(([f, a]) => [
          f,
          Object.fromEntries(Object.entries(a).map(([k, v]) => [k, { ...v, decayed: Math.round(v.decayed * 1e9) }])),
        ]),
      );
    assert.deepEqual(norm(updated.index.snapshot()), norm(rebuilt.index.snapshot()));
    assert.ok((updated.index.statsFor('services/billing/app/jobs/dunning_retry_job.rb')?.size ?? 0) > 1, "the old name's history follows the rename");
    assert.equal(updated.index.statsFor('services/billing/app/jobs/dunning_job.rb'), undefined);
  });

  it('rebuilds when history was rewritten, and reuses an index that is current', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'expertise-rw-'));
    scratch.push(repo);
    execFileSync('git', ['clone', '-q', sample, repo]);
    const head = (await headOf('git', repo)) ?? '';
    const cached = (await buildIndex('git', repo, head, options)).index.snapshot();
    assert.equal((await updateIndex('git', repo, cached, options)).how, 'cached');
    execFileSync('git', ['-c', 'user.name=X', '-c', 'user.email=x@example.com', 'commit', '-q', '--amend', '-m', 'Rewritten'], { cwd: repo });
    assert.equal((await updateIndex('git', repo, cached, options)).how, 'built');
    assert.equal((await updateIndex('git', repo, { ...cached, halfLifeDays: 30 }, options)).how, 'built', 'a new half-life needs a rebuild');
  });

  it("ranks without me and bots, prefers the customer's region, and counts CODEOWNERS", async () => {
    const { index } = await buildIndex('git', sample, (await headOf('git', sample)) ?? '', options);
    const files = [{ path: 'services/billing/lib/tax/vat_calculator.rb', confidence: 0.9 }];
    const all = rankExperts(index, { files, now: REFERENCE, botPatterns: [], people: [], recency: true });
    assert.ok(all.length >= 2);
    const top = all[0];
    const withoutTop = rankExperts(index, { files, now: REFERENCE, me: top.email, botPatterns: botPatterns(DEFAULT_BOT_PATTERNS), people: [], recency: true });
    assert.ok(!withoutTop.some((e) => e.email === top.email), 'me is left out');
    const second = withoutTop[0];
    const boosted = rankExperts(index, {
      files,
      now: REFERENCE,
      me: top.email,
      botPatterns: [],
      people: [
        { name: second.name, email: second.email, region: 'APAC' },
        ...withoutTop.slice(1).map((e) => ({ name: e.name, email: e.email, region: 'EMEA' })),
      ],
      preferredRegion: 'EMEA',
      recency: true,
    });
    assert.ok(boosted.filter((e) => e.inPreferredRegion).every((e) => e.region === 'EMEA'));
    const owners = codeownersMatcher(parseCodeowners('/services/billing/lib/tax/ @priya-natarajan', 'github'));
    const owned = rankExperts(index, {
      files,
      now: REFERENCE,
      botPatterns: [],
      people: [{ name: 'Priya Natarajan', email: 'priya.natarajan@example.com', handles: ['@priya-natarajan'] }],
      recency: true,
      ownersOf: owners,
    });
    const priya = owned.find((e) => e.email.toLowerCase() === 'priya.natarajan@example.com');
    assert.deepEqual(priya?.ownership, ['CODEOWNERS /services/billing/lib/tax/ (line 1)']);
    assert.ok((priya?.score ?? 0) > (all.find((e) => e.key === priya?.key)?.score ?? 0));
    assert.ok(top.files[0]?.commits && top.files[0].lastTime > 0, 'evidence: commits and when last touched');
  });
});
