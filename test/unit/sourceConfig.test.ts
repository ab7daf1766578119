import { strict as assert } from 'node:assert';
import { DEFAULT_LOCAL_SOURCE, parseSourcesSetting } from '../../src/shared/sourceConfig';

describe('supportRotation.sources', () => {
  it('is one local source when nothing is configured', () => {
    assert.deepEqual(parseSourcesSetting(undefined), { sources: [DEFAULT_LOCAL_SOURCE], problems: [] });
    assert.deepEqual(parseSourcesSetting([]), { sources: [DEFAULT_LOCAL_SOURCE], problems: [] });
  });

  it('loads several local sources', () => {
    const outcome = parseSourcesSetting([
      { id: 'team-a', kind: 'local', queueFile: 'a.json', label: 'Team A' },
      { id: 'team-b', kind: 'local', queueFile: '/abs/b.json', me: 'me@b' },
    ]);
    assert.deepEqual(
      outcome.sources.map((s) => s.id),
      ['team-a', 'team-b'],
    );
    assert.deepEqual(outcome.problems, []);
  });

  it('reports each bad entry and keeps the good ones', () => {
    const outcome = parseSourcesSetting([
      { id: 'ok', kind: 'local' },
      { id: 'gl', kind: 'gitlab', baseUrl: 'https://gitlab.example' },
      { id: 'sn', kind: 'servicenow' },
      { id: 'has space', kind: 'local' },
      { id: 'ok', kind: 'local', queueFile: 'other.json' },
      42,
    ]);
    assert.deepEqual(
      outcome.sources.map((s) => s.id),
      ['ok'],
    );
    assert.equal(outcome.problems.length, 5);
    assert.match(outcome.problems[0] ?? '', /sources\[1\]: project: /);
    assert.match(outcome.problems[1] ?? '', /sources\[2\]: the kind "servicenow" is not available/);
    assert.match(outcome.problems[2] ?? '', /sources\[3\]: id: use letters/);
    assert.match(outcome.problems[3] ?? '', /sources\[4\]: the id "ok" is used twice/);
    assert.match(outcome.problems[4] ?? '', /sources\[5\]/);
  });

  it('reads a GitLab source with the default label scheme', () => {
    const outcome = parseSourcesSetting([{ id: 'gl', kind: 'gitlab', baseUrl: 'https://git.example.com/gitlab', project: 'acme/support' }]);
    assert.deepEqual(outcome.problems, []);
    assert.deepEqual(outcome.sources[0], {
      id: 'gl',
      kind: 'gitlab',
      baseUrl: 'https://git.example.com/gitlab',
      project: 'acme/support',
      labels: ['support-escalation'],
      severityPrefix: 'severity::',
      regionPrefix: 'region::',
      teamPrefix: 'team::',
    });
    assert.equal(parseSourcesSetting([{ id: 'gl', kind: 'gitlab', baseUrl: 'javascript:alert(1)', project: 'p' }]).sources.length, 0);
  });

  it('falls back to the local queue when the setting is not a list', () => {
    const outcome = parseSourcesSetting({ id: 'x' });
    assert.deepEqual(outcome.sources, [DEFAULT_LOCAL_SOURCE]);
    assert.match(outcome.problems[0] ?? '', /must be a list/);
  });
});
