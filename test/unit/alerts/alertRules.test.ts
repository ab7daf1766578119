import { strict as assert } from 'node:assert';
import { AlertRules, type AlertSettings, type QueueMoment } from '../../../src/core/alerts/alertRules';
import { ShownAlerts } from '../../../src/core/alerts/shownAlerts';
import { DEFAULT_SLA_TARGETS } from '../../../src/core/sla';
import type { Ticket } from '../../../src/core/ticket';
import { makeTicket, person } from '../../support/ticketFactory';

const ME = 'sam.taylor@example.com';
const start = new Date('2026-11-24T12:00:00Z');
const minutes = (m: number, from = start): Date => new Date(from.getTime() + m * 60_000);
const SETTINGS: AlertSettings = { severities: [1, 2], dueSoonMinutes: 60, targets: DEFAULT_SLA_TARGETS, hiddenStatuses: ['solved'] };

const moment = (tickets: readonly Ticket[], now = start, freshSources: readonly string[] = ['local']): QueueMoment => ({
  tickets,
  me: new Map([['local', ME]]),
  freshSources: new Set(freshSources),
  now,
});

/** What each ask told, as `kind key-of-ticket`. */
function told(rules: AlertRules, shown: ShownAlerts, at: QueueMoment, settings = SETTINGS): string[] {
  return rules.evaluate(at, settings, shown).map((e) => `${e.kind} ${e.ticket.id}`);
}

const existing = makeTicket({ id: 'SUP-1', severity: 1, slaDueAt: minutes(300) });
const arriving = makeTicket({ id: 'SUP-2', severity: 1, slaDueAt: minutes(30), createdAt: start });

describe('alert rules', () => {
  it('does not call the tickets of the first load new, and calls a later unclaimed S1 new exactly once', () => {
    const rules = new AlertRules();
    const shown = new ShownAlerts();
    assert.deepEqual(told(rules, shown, moment([existing])), []);
    assert.deepEqual(told(rules, shown, moment([existing, arriving])), ['newUnclaimed SUP-2']);
    assert.deepEqual(told(rules, shown, moment([existing, arriving], minutes(1))), []);
  });

  it('never tells an event twice, also to new rules that start from the stored keys (a window reload)', () => {
    const shown = new ShownAlerts();
    const mine = makeTicket({ id: 'SUP-3', severity: 1, assignee: person(ME), slaDueAt: minutes(-5) });
    assert.deepEqual(told(new AlertRules(), shown, moment([mine])), ['breached SUP-3']);
    const reloaded = new ShownAlerts(shown.toJSON());
    assert.deepEqual(told(new AlertRules(), reloaded, moment([mine], minutes(1))), []);
  });

  it('tells the breach of my ticket found at the first load once', () => {
    const rules = new AlertRules();
    const shown = new ShownAlerts();
    const mine = makeTicket({ id: 'SUP-3', severity: 2, assignee: person('Sam.Taylor@example.com'), slaDueAt: minutes(-90) });
    assert.deepEqual(told(rules, shown, moment([existing, mine])), ['breached SUP-3']);
    assert.deepEqual(told(rules, shown, moment([existing, mine], minutes(5))), []);
  });

  it('tells due soon, then the breach, as the clock alone moves on', () => {
    const rules = new AlertRules();
    const shown = new ShownAlerts();
    const mine = makeTicket({ id: 'SUP-4', severity: 1, assignee: person(ME), slaDueAt: minutes(90) });
    assert.deepEqual(told(rules, shown, moment([mine])), []);
    assert.deepEqual(told(rules, shown, moment([mine], minutes(29))), []);
    assert.deepEqual(told(rules, shown, moment([mine], minutes(30))), ['dueSoon SUP-4']);
    assert.deepEqual(told(rules, shown, moment([mine], minutes(60))), []);
    assert.deepEqual(told(rules, shown, moment([mine], minutes(90))), ['breached SUP-4']);
    assert.deepEqual(told(rules, shown, moment([mine], minutes(120))), []);
  });

  it('takes the lead time from the settings', () => {
    const mine = makeTicket({ id: 'SUP-4', severity: 1, assignee: person(ME), slaDueAt: minutes(20) });
    assert.deepEqual(told(new AlertRules(), new ShownAlerts(), moment([mine]), { ...SETTINGS, dueSoonMinutes: 15 }), []);
    assert.deepEqual(told(new AlertRules(), new ShownAlerts(), moment([mine]), { ...SETTINGS, dueSoonMinutes: 25 }), ['dueSoon SUP-4']);
  });

  it('tells again when the ticket has a new due time', () => {
    const rules = new AlertRules();
    const shown = new ShownAlerts();
    const mine = makeTicket({ id: 'SUP-4', severity: 1, assignee: person(ME), slaDueAt: minutes(-1) });
    assert.deepEqual(told(rules, shown, moment([mine])), ['breached SUP-4']);
    const reset = { ...mine, slaDueAt: minutes(10) };
    assert.deepEqual(told(rules, shown, moment([reset], minutes(1))), ['dueSoon SUP-4']);
  });

  it("stays silent about a colleague's tickets", () => {
    const rules = new AlertRules();
    const theirs = makeTicket({ id: 'SUP-5', severity: 1, assignee: person('priya.natarajan@example.com'), slaDueAt: minutes(-10) });
    const arrivedClaimed = makeTicket({ id: 'SUP-6', severity: 1, assignee: person('priya.natarajan@example.com'), slaDueAt: minutes(20) });
    assert.deepEqual(told(rules, new ShownAlerts(), moment([theirs])), []);
    assert.deepEqual(told(rules, new ShownAlerts(), moment([theirs, arrivedClaimed], minutes(1))), []);
  });

  it('stays silent for a stale source and tells once it is fresh again', () => {
    const rules = new AlertRules();
    const shown = new ShownAlerts();
    const mine = makeTicket({ id: 'SUP-7', severity: 1, assignee: person(ME), slaDueAt: minutes(10) });
    assert.deepEqual(told(rules, shown, moment([existing])), []);
    assert.deepEqual(told(rules, shown, moment([existing, arriving, { ...mine, slaDueAt: minutes(-1) }], minutes(1), [])), []);
    assert.deepEqual(told(rules, shown, moment([existing, arriving, { ...mine, slaDueAt: minutes(-1) }], minutes(2))), [
      'breached SUP-7',
      'newUnclaimed SUP-2',
    ]);
  });

  it('keeps each source to itself: a source that loads for the first time brings nothing new', () => {
    const rules = new AlertRules();
    const shown = new ShownAlerts();
    const gitlab = makeTicket({ id: '9', sourceId: 'gl', severity: 1, slaDueAt: minutes(100) });
    assert.deepEqual(told(rules, shown, { ...moment([existing]), freshSources: new Set(['local']) }), []);
    assert.deepEqual(told(rules, shown, { ...moment([existing, gitlab], minutes(1)), freshSources: new Set(['local', 'gl']) }), []);
    const gitlabArrival = makeTicket({ id: '10', sourceId: 'gl', severity: 2 });
    const later = { ...moment([existing, gitlab, gitlabArrival], minutes(2)), freshSources: new Set(['local', 'gl']) };
    assert.deepEqual(told(rules, shown, later), ['newUnclaimed 10']);
  });

  it('silences the severities left out of the settings', () => {
    const rules = new AlertRules();
    const shown = new ShownAlerts();
    const s3 = makeTicket({ id: 'SUP-8', severity: 3 });
    const untriaged = makeTicket({ id: 'SUP-9', severity: 'unknown' });
    const myS2 = makeTicket({ id: 'SUP-10', severity: 2, assignee: person(ME), slaDueAt: minutes(-1) });
    assert.deepEqual(told(rules, shown, moment([existing]), { ...SETTINGS, severities: [1] }), []);
    assert.deepEqual(told(rules, shown, moment([existing, s3, untriaged, arriving, myS2], minutes(1)), { ...SETTINGS, severities: [1] }), [
      'newUnclaimed SUP-2',
    ]);
    const withS3 = new AlertRules();
    assert.deepEqual(told(withS3, new ShownAlerts(), moment([existing])), []);
    assert.deepEqual(told(withS3, new ShownAlerts(), moment([existing, s3], minutes(1)), { ...SETTINGS, severities: [1, 2, 3] }), ['newUnclaimed SUP-8']);
  });

  it('does not alert on a late ticket I just claimed, and tells its later breach', () => {
    const rules = new AlertRules();
    const shown = new ShownAlerts();
    const unclaimed = makeTicket({ id: 'SUP-11', severity: 1, slaDueAt: minutes(30) });
    assert.deepEqual(told(rules, shown, moment([unclaimed])), []);
    const claimed = { ...unclaimed, assignee: person(ME) };
    assert.deepEqual(told(rules, shown, moment([claimed], minutes(1))), []);
    assert.deepEqual(told(rules, shown, moment([claimed], minutes(31))), ['breached SUP-11']);
  });

  it('ignores tickets whose status means done', () => {
    const rules = new AlertRules();
    const solved = makeTicket({ id: 'SUP-12', severity: 1, status: 'Solved', assignee: person(ME), slaDueAt: minutes(-1) });
    assert.deepEqual(told(rules, new ShownAlerts(), moment([solved])), []);
  });
});

describe('shown alerts', () => {
  it('keeps the newest keys up to its bound', () => {
    const shown = new ShownAlerts(['a', 'b'], 3);
    shown.add('c');
    shown.add('d');
    assert.deepEqual(shown.toJSON(), ['b', 'c', 'd']);
    assert.equal(shown.has('a'), false);
    assert.equal(shown.has('d'), true);
    assert.equal(shown.revision, 2);
    assert.deepEqual(new ShownAlerts(['a', 'b', 'c', 'd'], 2).toJSON(), ['c', 'd']);
  });
});
