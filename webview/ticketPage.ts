/**
 * The ticket panel's page. Everything it shows arrives as a validated message and is rendered
 * with DOM APIs; everything it asks for goes to the extension, which validates it again.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import DOMPurify from 'dompurify';
import { panelStateSchema, toWebviewSchema, type FromWebview, type PanelState, type ToWebview } from '../src/shared/panelMessages';
import { renderActions } from './actions';
import { ComposeBox } from './compose';
import { el } from './dom';
import { ExpertsSection } from './experts';
import { renderHeader, slaOf } from './header';
import { useLocale } from './locale';
import { refreshAges } from './relativeTime';
import { SeenBeforeSection } from './seenBefore';
import { renderDescription, renderLinks, renderTimeline } from './timeline';

const CLOCK_MS = 30_000;
const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
const saved = panelStateSchema.safeParse(vscode.getState());
let state: PanelState | undefined = saved.success ? saved.data : undefined;
// Built with the first ticket, once the extension has said which language to speak.
let compose: ComposeBox | undefined;
let experts: ExpertsSection | undefined;
let seenBefore: SeenBeforeSection | undefined;
const content = el('div', { className: 'ticket-content' });
let current: Extract<ToWebview, { type: 'ticket' }> | undefined;
/** Code reference key → the id the extension gave it for this ticket. */
let referenceIds = new Map<string, string>();

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function save(patch: Partial<PanelState>): void {
  if (!state) return;
  state = { ...state, ...patch };
  vscode.setState(state);
}

function showTicket(message: Extract<ToWebview, { type: 'ticket' }>): void {
  const first = current === undefined;
  current = message;
  const { ticket } = message;
  if (!state || state.sourceId !== ticket.sourceId || state.id !== ticket.id) state = { sourceId: ticket.sourceId, id: ticket.id, draft: '', scrollTop: 0 };
  vscode.setState(state);
  const options = { copy: (text: string): void => post({ type: 'copy', text }), references: referenceIds };
  const links = renderLinks(ticket);
  content.replaceChildren(
    renderHeader(ticket, message.sourceLabel, new Date()),
    renderActions(message.actions, (action) => post({ type: 'runAction', action })),
    renderDescription(ticket, DOMPurify, options),
    ...(links ? [links] : []),
    renderTimeline(ticket, DOMPurify, options),
  );
  if (!compose || !experts || !seenBefore) {
    seenBefore = new SeenBeforeSection((what) =>
      post(what.kind === 'ticket' ? { type: 'openSimilar', index: what.index } : { type: 'openCommit', hash: what.hash }),
    );
    experts = new ExpertsSection((what) =>
      post(what.kind === 'find' ? { type: 'findExperts' } : { type: 'expertAction', expert: what.email, action: what.action }),
    );
    compose = new ComposeBox({
      initialDraft: state.draft,
      onDraft: (draft) => save({ draft }),
      send: (kind, body, requestId) => post({ type: kind === 'note' ? 'sendNote' : 'sendReply', requestId, body }),
    });
    app.replaceChildren(content, seenBefore.element, experts.element, compose.element);
  }
  compose.configure(message.sourceLabel, message.internalNotes, message.publicReplies);
  if (first) window.scrollTo(0, state.scrollTop);
}

function receive(raw: unknown): void {
  const parsed = toWebviewSchema.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  switch (message.type) {
    case 'ticket':
      return showTicket(message);
    case 'sent':
      return compose?.sent(message.requestId);
    case 'sendFailed':
      return compose?.failed(message.requestId, message.message);
    case 'experts':
      return experts?.show(message.experts, message.liveShare, message.message);
    case 'seenBefore':
      return seenBefore?.show(message);
    case 'locale':
      return useLocale(message.language, message.bundle);
    case 'references':
      referenceIds = new Map(message.references.map((reference) => [reference.key, reference.id]));
      if (current) showTicket(current);
      return;
    case 'gone':
      content.prepend(el('p', { className: 'gone', text: message.message, attributes: { role: 'alert' } }));
      return;
  }
}

/**
 * Links in customer text open only through the extension, which checks the address again; a code
 * reference sends only its id.
 */
function interceptLinks(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest('a');
  if (!link) return;
  event.preventDefault();
  const reference = link.dataset.reference;
  const href = link.getAttribute('href');
  if (reference) post({ type: 'openReference', id: reference });
  else if (href) post({ type: 'openLink', href });
}

function tickClock(): void {
  const sla = document.querySelector<HTMLElement>('[data-sla]');
  if (!sla || !current) return;
  const now = new Date();
  const { text, breached } = slaOf(current.ticket, now);
  sla.textContent = text;
  sla.classList.toggle('sla-breached', breached);
  refreshAges(content, now);
}

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => save({ scrollTop: window.scrollY }), 200);
});
window.addEventListener('message', (event: MessageEvent<unknown>) => receive(event.data));
document.addEventListener('click', interceptLinks);
window.setInterval(tickClock, CLOCK_MS);
post({ type: 'ready' });
