/**
 * Hand Over My Rotation (`dist/handover.js`): the tickets I touched in the rotation, read again from
 * their sources, as one Markdown document opened in an editor; then saved, copied, or posted as an
 * internal note on each ticket still open. What is sent is the document as it reads when the user
 * acts, edits included, and it stays open whatever happens to the posts.
 */
import * as vscode from 'vscode';
import { handoverDocument, isStillOpen, type HandoverItem } from '../../core/handover/handoverDocument';
import { rotationStart } from '../../core/handover/rotationWindow';
import { touchedTickets } from '../../core/handover/touchedTickets';
import { JOURNAL_STORAGE_KEY } from '../../core/journal/journal';
import { readJournal } from '../../core/journal/journalRead';
import type { Settings } from '../common/settings';
import type { QueueModel } from '../queue/queueModel';
import { readFresh } from './freshTickets';
import { postOnOpenTickets, type PostOutcome } from './handoverPost';

export interface HandoverDependencies {
  readonly model: QueueModel;
  /** The editor's global storage, where the journal is. */
  readonly storage: vscode.Memento;
  readonly settings: () => Settings;
}

/** What the command did, for its callers (tests, automation). */
export interface HandoverOutcome {
  /** The document as it was when the user chose what to do with it. */
  readonly markdown: string;
  readonly action: 'saved' | 'copied' | 'posted' | undefined;
  readonly post?: PostOutcome;
}

export async function handOverRotation(deps: HandoverDependencies): Promise<HandoverOutcome | undefined> {
  const entries = readJournal(deps.storage.get(JOURNAL_STORAGE_KEY));
  const now = new Date();
  const from = rotationStart({ entries, days: deps.settings().handoverRotationDays, lastHandover: lastHandover(deps.storage), now });
  if (!from) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to hand over: you have not acted on a ticket since your last handover.'));
    return undefined;
  }
  const items = await readFresh(touchedTickets(entries, from, now), deps.model);
  const author = items.map((item) => deps.model.sourceOf({ sourceId: item.touched.sourceId })?.me).find((me) => me !== undefined);
  const markdown = handoverDocument({ from, now, author, items, targets: deps.settings().slaTargets });
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(document, { preview: false });
  const outcome = await offerActions(items, document, deps.model);
  if (outcome.action !== undefined) await deps.storage.update(LAST_HANDOVER_KEY, new Date().toISOString());
  return outcome;
}

/** When I last saved, copied or posted a handover: the next rotation starts after it. */
const LAST_HANDOVER_KEY = 'supportRotation.lastHandover';

function lastHandover(memento: vscode.Memento): Date | undefined {
  const stored = memento.get<unknown>(LAST_HANDOVER_KEY);
  const time = typeof stored === 'string' ? Date.parse(stored) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time);
}

async function offerActions(items: readonly HandoverItem[], document: vscode.TextDocument, model: QueueModel): Promise<HandoverOutcome> {
  const open = items.filter(isStillOpen).length;
  const save = vscode.l10n.t('Save…');
  const copy = vscode.l10n.t('Copy');
  const post = vscode.l10n.t('Post on Open Tickets…');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Your rotation handover is open: {0} tickets, {1} still open.', items.length, open),
    save,
    copy,
    ...(open > 0 ? [post] : []),
  );
  const markdown = document.getText();
  if (choice === save) return { markdown, action: (await saveDocument(markdown)) ? 'saved' : undefined };
  if (choice === copy) {
    await vscode.env.clipboard.writeText(markdown);
    vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Handover copied')}`, 4_000);
    return { markdown, action: 'copied' };
  }
  if (choice !== post) return { markdown, action: undefined };
  const posted = await postOnOpenTickets(items, markdown, model);
  return { markdown, action: posted && posted.posted.length > 0 ? 'posted' : undefined, post: posted };
}

async function saveDocument(markdown: string): Promise<boolean> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `rotation-handover-${new Date().toISOString().slice(0, 10)}.md`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [vscode.l10n.t('Markdown')]: ['md'] },
  });
  if (!target) return false;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
  return true;
}
