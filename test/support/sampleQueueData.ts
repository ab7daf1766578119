/** The sample queue as "Create Sample Queue" makes it, from the data file in the repository. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QueueFile } from '../../src/providers/local/queueFileSchema';
import { SAMPLE_QUEUE_DATA_FILE, sampleQueueAt } from '../../src/providers/local/sampleQueue';
import { REPO_ROOT } from './testPaths';

export const sampleQueueData = (): unknown => JSON.parse(readFileSync(join(REPO_ROOT, SAMPLE_QUEUE_DATA_FILE), 'utf8'));

/** Synchronous, for suites that build their fixtures at load time. */
export function sampleQueue(now: Date): QueueFile {
  return sampleQueueAt(sampleQueueData(), now);
}
