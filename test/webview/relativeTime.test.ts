import { strict as assert } from 'node:assert';
import { exactTime, relativeAge } from '../../webview/relativeTime';

const NOW = new Date('2026-12-01T12:00:00Z');
const before = (ms: number): Date => new Date(NOW.getTime() - ms);

describe('times in the panel', () => {
  it('says how long ago, in the largest whole unit', () => {
    assert.equal(relativeAge(before(20_000), NOW, 'en'), 'now');
    assert.equal(relativeAge(before(5 * 60_000), NOW, 'en'), '5 minutes ago');
    assert.equal(relativeAge(before(3 * 3_600_000 + 40 * 60_000), NOW, 'en'), '3 hours ago');
    assert.equal(relativeAge(before(26 * 3_600_000), NOW, 'en'), 'yesterday');
    assert.equal(relativeAge(before(9 * 86_400_000), NOW, 'en'), 'last week');
  });

  it('speaks the display language, not a fixed one', () => {
    assert.equal(relativeAge(before(3 * 3_600_000), NOW, 'de'), 'vor 3 Stunden');
    assert.equal(relativeAge(before(3 * 3_600_000), NOW, 'fr'), 'il y a 3 heures');
  });

  it('gives the exact time with the date in the display language', () => {
    const german = exactTime(NOW, 'de');
    assert.match(german, /Dienstag, 1\. Dezember 2026/);
    assert.match(exactTime(NOW, 'en'), /Tuesday, December 1, 2026/);
  });
});
