/** The one suite every ticket source passes unchanged: see README.md in this folder. */
import { strict as assert } from 'node:assert';
import type { ConformanceSubject } from './conformanceSubject';
import { claimRaces } from './scenarios/claimRaces';
import { clockSkew } from './scenarios/clockSkew';
import { faults } from './scenarios/faults';
import { history } from './scenarios/history';
import { lostAnswers } from './scenarios/lostAnswers';
import { queueUnderChange } from './scenarios/queueUnderChange';
import { triage } from './scenarios/triage';
import { useServer } from './scenarios/scenarioKit';

export function conformanceSuite(subject: ConformanceSubject): void {
  describe(`conformance: ${subject.name}`, () => {
    describe('the subject', () => {
      const kit = useServer(subject);
      it('declares what its source and its fake offer', () => {
        const source = kit.server.source();
        const optional = { mergeRequests: false, setSeverity: false, setStatus: false };
        assert.deepEqual({ ...optional, ...source.capabilities }, { ...optional, ...subject.capabilities });
        assert.equal(source.statuses !== undefined, subject.capabilities.setStatus === true, 'statuses are offered exactly where they can be set');
        assert.equal(kit.server.transport !== undefined, subject.transport);
        assert.equal(kit.server.mergeRequests !== undefined, subject.capabilities.mergeRequests === true);
      });
    });
    claimRaces(subject);
    queueUnderChange(subject);
    lostAnswers(subject);
    clockSkew(subject);
    faults(subject);
    triage(subject);
    history(subject);
  });
}
