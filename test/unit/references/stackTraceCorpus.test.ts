import { strict as assert } from 'node:assert';
import { indexFiles, resolveReferences } from '../../../src/core/references/fileResolution';
import { referencesIn } from '../../../src/core/references/ticketReferences';
import { CORPUS_REPOSITORY, STACK_TRACES } from '../../fixtures/stackTraces';

describe('a corpus of real-shaped stack traces and error reports', () => {
  const index = indexFiles(CORPUS_REPOSITORY);

  it(`has at least 40 cases across the languages`, () => {
    assert.ok(STACK_TRACES.length >= 40, String(STACK_TRACES.length));
    for (const language of ['node', 'chrome', 'firefox', 'python', 'java', 'kotlin', 'ruby', 'go', 'dotnet', 'php', 'rust']) {
      assert.ok(
        STACK_TRACES.some((t) => t.language === language),
        language,
      );
    }
  });

  STACK_TRACES.forEach((trace, i) => {
    it(`${trace.language} #${i}: resolves to ${trace.files.length === 0 ? 'nothing' : trace.files.join(', ')}`, () => {
      const resolved = resolveReferences(referencesIn(trace.text, 'description'), index);
      // Only what the trace surely names: an ambiguous suffix or a bare shared name is not enough.
      const sure = resolved.filter((r) => r.confidence >= 0.5).map((r) => r.path);
      assert.deepEqual([...sure].sort(), [...trace.files].sort(), JSON.stringify(resolved.map((r) => [r.path, r.confidence])));
    });
  });
});
