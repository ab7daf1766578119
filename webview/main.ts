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
import { renderDescription, renderLinks, renderTimeline } from './timeline';

const CLOCK_MS = 30_000;
const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
const saved = panelStateSchema.safeParse(vscode.getState());
let state: PanelState | undefined = saved.success ? saved.data : undefined;
let compose: ComposeBox | undefined;
const experts = new ExpertsSection((what) =>
  post(what.kind === 'find' ? { type: 'findExperts' } : { type: 'expertAction', expert: what.email, action: what.action }),
);
const content = el('div', { className: 'ticket-content' });
let current: Extract<ToWebview, { type: 'ticket' }> | undefined;

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
  const copy = (text: string): void => post({ type: 'copy', text });
  const links = renderLinks(ticket);
  content.replaceChildren(
    renderHeader(ticket, message.sourceLabel, new Date()),
    renderActions(message.actions, (action) => post({ type: 'runAction', action })),
    renderDescription(ticket, DOMPurify, { copy }),
    ...(links ? [links] : []),
    renderTimeline(ticket, DOMPurify, { copy }),
  );
  if (!compose) {
    compose = new ComposeBox({
      initialDraft: state.draft,
      onDraft: (draft) => save({ draft }),
      send: (kind, body, requestId) => post({ type: kind === 'note' ? 'sendNote' : 'sendReply', requestId, body }),
    });
    app.replaceChildren(content, experts.element, compose.element);
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
      return experts.show(message.experts, message.liveShare, message.message);
    case 'gone':
      content.prepend(el('p', { className: 'gone', text: message.message, attributes: { role: 'alert' } }));
      return;
  }
}

/** Links in customer text open only through the extension, which checks the address again. */
function interceptLinks(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest('a');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href');
  if (href) post({ type: 'openLink', href });
}

function tickClock(): void {
  const sla = document.querySelector<HTMLElement>('[data-sla]');
  if (!sla || !current) return;
  const text = slaOf(current.ticket, new Date());
  sla.textContent = text;
  sla.classList.toggle('sla-breached', text.includes('breached'));
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
