import { strict as assert } from 'node:assert';
import { DEFAULT_GITHUB_LABEL_SCHEME, labelSeverity, readLabels } from '../../../src/providers/github/githubLabels';

describe('GitHub labels as severity, region and team', () => {
  it('reads the common ways of writing a severity', () => {
    const read = (label: string): number | undefined => labelSeverity(label, DEFAULT_GITHUB_LABEL_SCHEME);
    assert.deepEqual(
      ['S1', 'P2', 'severity:1', 'severity: 3', 'Severity::2', 'sev-4', 'sev1', 'priority: high', 'Priority:Critical', 'priority/low', 'P0'].map(read),
      [1, 2, 1, 3, 2, 4, 1, 2, 1, 4, 1],
    );
    assert.deepEqual(['bug', 'S5', 'p', 'priority', 'documentation', 'good first issue'].map(read), [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('lets configured labels win over the default reading, compared without case', () => {
    const scheme = { ...DEFAULT_GITHUB_LABEL_SCHEME, severityLabels: { 'bug: minor': 4, P1: 2 } };
    assert.equal(labelSeverity('Bug: Minor', scheme), 4);
    assert.equal(labelSeverity('p1', scheme), 2);
    assert.equal(labelSeverity('S1', scheme), 1);
  });

  it('takes the most urgent severity, the region and the team, and keeps the other labels for people', () => {
    const reading = readLabels(['support-escalation', 'P3', 'S1', 'region: EMEA', 'Team:billing', 'invoicing'], DEFAULT_GITHUB_LABEL_SCHEME);
    assert.deepEqual(reading, { severity: 1, region: 'EMEA', team: 'billing', others: ['support-escalation', 'invoicing'] });
    assert.equal(readLabels(['bug'], DEFAULT_GITHUB_LABEL_SCHEME).severity, 'unknown');
  });
});
