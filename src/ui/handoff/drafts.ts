/**
 * Notes and hand-offs are written in a real editor: an untitled Markdown document per draft,
 * with Send and Discard as code lenses and in the editor's title bar. VS Code keeps untitled
 * documents across reloads; what each one is for is kept in the workspace state beside it.
 */
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { COMMANDS, CONTEXT_KEYS } from '../common/contributionIds';
import { log } from '../common/log';

const draftPurposeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), sourceId: z.string(), id: z.string(), key: z.string() }),
  z.object({ kind: z.literal('handoff'), sourceId: z.string(), id: z.string(), key: z.string(), teamId: z.string(), teamName: z.string(), route: z.string() }),
]);
export type DraftPurpose = z.infer<typeof draftPurposeSchema>;

const STATE_KEY = 'supportRotation.drafts';
const storedSchema = z.record(z.string(), z.object({ purpose: draftPurposeSchema, heading: z.string() }));
type Stored = z.infer<typeof storedSchema>;

export interface Draft {
  readonly uri: vscode.Uri;
  readonly purpose: DraftPurpose;
  /** The first line the draft was opened with: it tells a restored draft from a new untitled file. */
  readonly heading: string;
}

/** How long to wait for a close: a draft also open in another editor group stays open. */
const CLOSE_WAIT_MS = 2000;

function documentClosed(document: vscode.TextDocument): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, CLOSE_WAIT_MS);
    const listener = vscode.workspace.onDidCloseTextDocument((closed) => {
      if (closed === document || closed.uri.toString() === document.uri.toString()) done();
    });
  });
}

/**
 * A new untitled Markdown document that holds `text`. VS Code gives the next untitled document the
 * name of one closed a moment before, and under load the document it hands back under that name
 * can still hold the closed draft's text: a note written there would be sent with another
 * ticket's words. Such a document is given the text asked for.
 */
async function untitledHolding(text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  if (document.getText() === text) return document;
  log().warn(`${document.uri.toString()} still held an earlier draft's text; it now holds the new draft`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('The new draft could not be given its text.'));
  return vscode.workspace.openTextDocument(document.uri);
}

export class Drafts implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly state: vscode.Memento) {
    this.subscriptions.push(
      vscode.languages.registerCodeLensProvider({ scheme: 'untitled', language: 'markdown' }, this),
      vscode.window.onDidChangeActiveTextEditor(() => void this.updateContext()),
      vscode.workspace.onDidCloseTextDocument((document) => void this.forget(document.uri)),
    );
    void this.updateContext();
  }

  async open(purpose: DraftPurpose, text: string): Promise<vscode.TextEditor> {
    const document = await untitledHolding(text);
    // From the text asked for: a document that holds anything else is not this draft.
    const heading = text.split('\n', 1)[0] ?? '';
    await this.state.update(STATE_KEY, { ...this.stored(), [document.uri.toString()]: { purpose, heading } });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    this.lensesChanged.fire();
    await this.updateContext();
    return editor;
  }

  find(uri: vscode.Uri): Draft | undefined {
    const entry = this.stored()[uri.toString()];
    if (!entry) return undefined;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document && document.lineAt(0).text !== entry.heading && !document.getText().startsWith(entry.heading)) return undefined;
    return { uri, purpose: entry.purpose, heading: entry.heading };
  }

  /** The draft in the active editor, when it is one. */
  active(): Draft | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri ? this.find(uri) : undefined;
  }

  /**
   * Closes a sent or discarded draft without the "save changes?" question, and returns once this
   * side has seen it closed: the next untitled document may be given the same name, and until the
   * close arrives here, opening it would hand back this draft's text.
   */
  async close(draft: Draft): Promise<void> {
    await this.forget(draft.uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === draft.uri.toString());
    if (!document) return;
    const closed = documentClosed(document);
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const draft = this.find(document.uri);
    if (!draft) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const send =
      draft.purpose.kind === 'handoff'
        ? `$(arrow-right) ${vscode.l10n.t('Hand off {0} to {1}: move, post this as an internal note, release', draft.purpose.key, draft.purpose.teamName)}`
        : `$(lock) ${vscode.l10n.t('Send as internal note on {0} (not visible to the customer)', draft.purpose.key)}`;
    return [
      new vscode.CodeLens(top, { title: send, command: COMMANDS.sendDraft, arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('Discard'), command: COMMANDS.discardDraft, arguments: [document.uri] }),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.lensesChanged.dispose();
  }

  private stored(): Stored {
    const parsed = storedSchema.safeParse(this.state.get<unknown>(STATE_KEY) ?? {});
    if (parsed.success) return parsed.data;
    log().warn(`Ignoring unreadable draft records in the workspace state: ${parsed.error.issues[0]?.message ?? ''}`);
    return {};
  }

  private async forget(uri: vscode.Uri): Promise<void> {
    const { [uri.toString()]: removed, ...rest } = this.stored();
    if (!removed) return;
    await this.state.update(STATE_KEY, rest);
    await this.updateContext();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.draftActive, this.active() !== undefined);
  }
}
