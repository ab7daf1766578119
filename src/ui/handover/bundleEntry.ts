/** What `dist/handover.js` exports: the rotation handover, and recording a write in the journal it reads. */
export { handOverRotation } from './handoverRun';
export { recordWrite } from './journalRecorder';
