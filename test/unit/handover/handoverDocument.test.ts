import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { handoverDocument, type HandoverItem } from '../../../src/core/handover/handoverDocument';
import { escapeMarkdown } from '../../../src/core/handover/markdownText';
import { lastNextSteps, nextStepsIn } from '../../../src/core/handover/nextSteps';
import { rotationStart } from '../../../src/core/handover/rotationWindow';
import { touchedTickets, type TouchedTicket } from '../../../src/core/handover/touchedTickets';
import type { JournalEntry } from '../../../src/core/journal/journal';
import { DEFAULT_SLA_TARGETS } from '../../../src/core/sla';
import { XSS_PAYLOADS } from '../../fixtures/xssPayloads';
import { makeTicket, person } from '../../support/ticketFactory';

const NOW = new Date('2026-11-24T12:00:00Z');
const at = (hour: number, minute = 0): string => new Date(Date.UTC(2026, 10, 24, hour, minute)).toISOString();
const entry = (time: string, id: string, action: JournalEntry['action'], detail?: string): JournalEntry => ({
  at: time,
  action,
  sourceId: 'local',
  ticketId: id,
  key: id,
  ...(detail === undefined ? {} : { detail }),
});
const touched = (id: string, actions: JournalEntry[] = [entry(at(9), id, 'claimed')]): TouchedTicket => ({
  sourceId: 'local',
  ticketId: id,
  key: id,
  actions,
  links: [],
});
const documentOf = (items: HandoverItem[]): string =>
  handoverDocument({ from: new Date(at(8)), now: NOW, author: 'sam.taylor@example.com', items, targets: DEFAULT_SLA_TARGETS });

describe('the rotation window', () => {
  const entries = [entry(at(1), 'SUP-1', 'noted'), entry(at(2), 'SUP-1', 'claimed'), entry(at(5), 'SUP-2', 'noted'), entry(at(6), 'SUP-3', 'claimed')];

  it('is the days setting, counted back from now, when set', () => {
    assert.equal(rotationStart({ entries, days: 7, lastHandover: undefined, now: NOW })?.toISOString(), '2026-11-17T12:00:00.000Z');
  });

  it('otherwise starts at my first claim after my last handover', () => {
    assert.equal(rotationStart({ entries, days: 0, lastHandover: undefined, now: NOW })?.toISOString(), at(2));
    assert.equal(rotationStart({ entries, days: 0, lastHandover: new Date(at(3)), now: NOW })?.toISOString(), at(6));
  });

  it('starts at my first action when I claimed nothing since, and is absent when I did nothing', () => {
    assert.equal(rotationStart({ entries: entries.slice(0, 3), days: 0, lastHandover: new Date(at(3)), now: NOW })?.toISOString(), at(5));
    assert.equal(rotationStart({ entries, days: 0, lastHandover: new Date(at(7)), now: NOW }), undefined);
  });
});

describe('the tickets touched in a rotation', () => {
  it('are each ticket with an action in the window, its actions in order, the most recently touched first', () => {
    const entries = [
      entry(at(7), 'SUP-0', 'claimed'),
      entry(at(9), 'SUP-1', 'claimed'),
      entry(at(9, 30), 'SUP-2', 'claimed'),
      entry(at(10), 'SUP-1', 'branched', 'support/SUP-1-fix'),
      entry(at(11), 'SUP-1', 'noted'),
    ];
    const result = touchedTickets(entries, new Date(at(8)), NOW);
    assert.deepEqual(
      result.map((t) => [t.key, t.actions.map((a) => a.action)]),
      [
        ['SUP-1', ['claimed', 'branched', 'noted']],
        ['SUP-2', ['claimed']],
      ],
    );
    assert.deepEqual(result[0]?.links, [{ kind: 'branch', name: 'support/SUP-1-fix' }]);
  });
});

describe('the next steps I wrote', () => {
  it('are a note\'s "Next steps" section, or its paragraph that starts with "Next steps:"', () => {
    assert.equal(
      nextStepsIn('## Hand-off\n\n### Links\n- x\n\n### Next steps\n- Ask billing for the VAT table\n- Re-run the export\n\n## Other'),
      '- Ask billing for the VAT table\n- Re-run the export',
    );
    assert.equal(nextStepsIn('Reproduced on staging.\n\nNext steps: check the pool size\nthen restart.\n\nUnrelated.'), 'check the pool size\nthen restart.');
    assert.equal(nextStepsIn('**Next steps:**\n- call the customer'), '- call the customer');
    assert.equal(nextStepsIn('Reproduced on staging.'), undefined);
    assert.equal(nextStepsIn('### Next steps\n- '), undefined, "the hand-off template's empty section is none");
  });

  it("come from my newest internal note that has any, never a colleague's or a public reply", () => {
    const comment = (author: string, hour: number, body: string, internal = true) => ({
      author: person(author),
      createdAt: new Date(at(hour)),
      body,
      internal,
    });
    const comments = [
      comment('me@example.com', 8, 'Next steps: the old plan'),
      comment('me@example.com', 9, 'Next steps: the current plan'),
      comment('me@example.com', 10, 'Just a remark.'),
      comment('colleague@example.com', 11, 'Next steps: their plan'),
      comment('me@example.com', 11, 'Next steps: told the customer', false),
    ];
    assert.deepEqual(lastNextSteps(comments, 'ME@example.com'), { at: new Date(at(9)), text: 'the current plan' });
    assert.equal(lastNextSteps(comments, undefined), undefined);
  });
});

describe('the handover document', () => {
  it('lists open tickets with their state and SLA now, then resolved ones, then those that could not be read', () => {
    const open = makeTicket({
      id: 'SUP-42',
      title: 'VAT twice',
      severity: 2,
      assignee: person('Sam Taylor'),
      team: 'billing',
      slaDueAt: new Date('2026-11-24T15:00:00Z'),
    });
    const solved = makeTicket({ id: 'SUP-43', title: 'Slow export', status: 'solved' });
    const text = documentOf([
      { touched: touched('SUP-43', [entry(at(9), 'SUP-43', 'claimed'), entry(at(10), 'SUP-43', 'status', 'solved')]), ticket: solved },
      { touched: touched('SUP-42'), ticket: open, nextSteps: { at: new Date(at(11)), text: '- Ask billing\n- Re-run the export' } },
      { touched: touched('SUP-44'), unreadable: 'the queue file cannot be read' },
    ]);
    const sections = text.split(/^## /m).map((s) => s.split('\n')[0]);
    assert.deepEqual(sections.slice(1), ['Still open', 'Resolved', 'Could not be read now']);
    assert.match(text, /From 2026-11-24 08:00 UTC to 2026-11-24 12:00 UTC by sam\.taylor@example\.com\. 3 tickets touched, 1 still open\./);
    assert.match(text, /### SUP-42 · VAT twice\n\n- \*\*Now:\*\* open · S2 · 3h left · held by Sam Taylor · team billing\n/);
    assert.match(text, /- \*\*Last next steps\*\* \(2026-11-24 11:00 UTC\):\n\n {2}> - Ask billing\n {2}> - Re-run the export/);
    assert.match(text, /### SUP-43 · Slow export\n\n- \*\*Now:\*\* solved · unclaimed\n/, 'a resolved ticket has no clock');
    assert.match(text, /solved as solved \(2026-11-24 10:00 UTC\)/);
    assert.match(text, /### SUP-44\n\n- \*\*Could not be read:\*\* the queue file cannot be read/);
  });

  it('gives the links the source and the journal know, each once', () => {
    const ticket = makeTicket({
      id: 'SUP-42',
      url: 'https://support.example.com/tickets/SUP-42',
      links: [{ kind: 'branch', name: 'support/SUP-42-vat' }],
    });
    const item: HandoverItem = {
      touched: {
        ...touched('SUP-42'),
        links: [
          { kind: 'branch', name: 'support/SUP-42-vat' },
          { kind: 'mergeRequest', name: 'https://gitlab.example.com/mr/7', url: 'https://gitlab.example.com/mr/7' },
        ],
      },
      ticket,
    };
    const links = /- \*\*Links:\*\* (.*)/.exec(documentOf([item]))?.[1];
    assert.equal(
      links,
      '[SUP-42](https://support.example.com/tickets/SUP-42) · fix branch `support/SUP-42-vat` · merge request [https://gitlab.example.com/mr/7](https://gitlab.example.com/mr/7)',
    );
  });

  it('shows customer text as text: no payload becomes markup, HTML or a link', () => {
    const md = new MarkdownIt({ html: true });
    for (const payload of [...XSS_PAYLOADS, '# not a heading', '[click](javascript:alert(1))', '**bold** _em_ `code` | table |']) {
      const ticket = makeTicket({
        id: 'SUP-1',
        title: payload,
        assignee: { id: 'x', name: payload },
        status: payload,
        team: payload,
        url: `javascript:${payload}`,
      });
      const html = md.render(documentOf([{ touched: touched('SUP-1'), ticket }]));
      const tags = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)];
      for (const [, name = '', attributes = ''] of tags) {
        assert.ok(['h1', 'h2', 'h3', 'p', 'ul', 'li', 'strong'].includes(name), `<${name}${attributes}> from ${payload}`);
        assert.equal(attributes, '', `<${name}${attributes}> from ${payload}`);
      }
      const heading = /<h3>(.*)<\/h3>/.exec(html)?.[1] ?? '';
      const decoded = heading
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      assert.equal(decoded, `SUP-1 · ${payload.replace(/\s+/g, ' ')}`);
    }
    assert.equal(escapeMarkdown('a\n# b'), 'a \\# b', 'a line break cannot start a heading');
  });
});
