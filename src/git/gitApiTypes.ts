/**
 * The part of VS Code's built-in git extension API (`vscode.git`, `getAPI(1)`) this extension
 * uses, typed after the extension's published `api/git.d.ts`. Only members present since VS Code
 * 1.90 (our `engines.vscode`) are listed; newer ones are probed at run time where used.
 */
import type { Event, Uri } from 'vscode';

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: Event<'uninitialized' | 'initialized'>;
  readonly git: { readonly path: string };
  readonly repositories: Repository[];
  readonly onDidOpenRepository: Event<Repository>;
  readonly onDidCloseRepository: Event<Repository>;
  getRepository(uri: Uri): Repository | null;
}

export interface Ref {
  readonly name?: string;
  readonly commit?: string;
  readonly remote?: string;
}

export interface Branch extends Ref {
  readonly upstream?: { readonly name: string; readonly remote: string };
}

export interface Remote {
  readonly name: string;
  readonly fetchUrl?: string;
  readonly pushUrl?: string;
}

export interface Change {
  readonly uri: Uri;
}

export interface RepositoryState {
  readonly HEAD: Branch | undefined;
  readonly remotes: Remote[];
  readonly mergeChanges: Change[];
  readonly indexChanges: Change[];
  readonly workingTreeChanges: Change[];
  /** Only when `git.untrackedChanges` is `separate`; otherwise untracked files are working-tree changes. */
  readonly untrackedChanges?: Change[];
  readonly onDidChange: Event<void>;
}

export interface Repository {
  readonly rootUri: Uri;
  readonly inputBox: { value: string };
  readonly state: RepositoryState;
  getBranch(name: string): Promise<Branch>;
  getBranches(query: { remote?: boolean; pattern?: string }): Promise<Ref[]>;
  createBranch(name: string, checkout: boolean, ref?: string): Promise<void>;
  checkout(treeish: string): Promise<void>;
  fetch(options?: { remote?: string }): Promise<void>;
  push(remoteName?: string, branchName?: string, setUpstream?: boolean): Promise<void>;
}

/** What the git extension's errors carry beyond `message`. */
export interface GitErrorDetails {
  readonly gitErrorCode?: string;
  readonly stderr?: string;
}
