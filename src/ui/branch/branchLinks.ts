/**
 * Which ticket each fix branch is for, per repository and branch, kept in the workspace's state
 * so that it survives reloads. The source is told too (links on the ticket); this is the editor's
 * own memory, read without any network.
 */
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { log } from '../common/log';

export interface LinkedTicket {
  readonly sourceId: string;
  readonly id: string;
  readonly key: string;
}

const STATE_KEY = 'supportRotation.branchLinks';
const linksSchema = z.record(z.string(), z.object({ sourceId: z.string(), id: z.string(), key: z.string() }));

export class BranchLinks implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  ticketFor(repositoryRoot: string, branch: string): LinkedTicket | undefined {
    return this.all()[linkKey(repositoryRoot, branch)];
  }

  async link(repositoryRoot: string, branch: string, ticket: LinkedTicket): Promise<void> {
    await this.state.update(STATE_KEY, { ...this.all(), [linkKey(repositoryRoot, branch)]: ticket });
    this.changed.fire();
  }

  async unlink(repositoryRoot: string, branch: string): Promise<void> {
    const { [linkKey(repositoryRoot, branch)]: _removed, ...rest } = this.all();
    await this.state.update(STATE_KEY, rest);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private all(): Record<string, LinkedTicket> {
    const parsed = linksSchema.safeParse(this.state.get<unknown>(STATE_KEY) ?? {});
    if (parsed.success) return parsed.data;
    log().warn(`Ignoring unreadable branch links in the workspace state: ${parsed.error.issues[0]?.message ?? ''}`);
    return {};
  }
}

/** A NUL cannot appear in a path or a branch name, so the pair stays unambiguous. */
function linkKey(repositoryRoot: string, branch: string): string {
  return `${repositoryRoot}\u0000${branch}`;
}
