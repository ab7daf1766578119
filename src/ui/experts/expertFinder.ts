/**
 * Finds the experts for a ticket: the files it points at (references resolved against the
 * repository, plus `git grep -F` for quoted error texts), read through the history index and
 * CODEOWNERS, ranked with the user's settings. The history index comes from its own bundle,
 * loaded on the first search.
 */
import type * as vscode from 'vscode';
import { botPatterns, rankExperts, type Expert } from '../../core/expertise/expertRanking';
import { errorTextsIn } from '../../core/references/errorTexts';
import type { Ticket } from '../../core/ticket';
import { gitApi } from '../../git/gitExtension';
import type { Repository } from '../../git/gitApiTypes';
import { filesNamedByTicket } from '../../git/ticketFiles';
import { gitRead } from '../../git/gitRead';
import type { QueueModel } from '../queue/queueModel';
import { loadCodeowners } from '../handoff/repositoryCodeowners';
import type { Settings } from '../common/settings';
import { expertiseHistory } from './expertiseBundle';
import type { ExpertiseStore } from './expertiseStore';

export interface ExpertFinding {
  readonly experts: readonly Expert[];
  /** The repository files the ticket points at, surest first. */
  readonly files: readonly string[];
  readonly repository?: Repository;
  readonly gitPath: string;
  /** The experts come from the history of `files` alone: the repository's full index is still being built. */
  readonly partialHistory: boolean;
}

/** A quoted error found by grep is a weaker pointer than a path or a stack frame. */
const GREP_CONFIDENCE = 0.5;

export class ExpertFinder {
  constructor(
    private readonly store: ExpertiseStore,
    private readonly model: QueueModel,
    private readonly settings: () => Settings,
  ) {}

  async find(ticket: Ticket, token?: vscode.CancellationToken): Promise<ExpertFinding> {
    const git = await gitApi();
    if (!git.ok) throw new Error(git.message);
    const gitPath = git.api.git.path;
    let best: { repository: Repository; files: { path: string; confidence: number }[] } | undefined;
    for (const repository of git.api.repositories) {
      const files = await this.pointedFiles(ticket, repository, gitPath);
      if (!best || files.length > best.files.length) best = { repository, files };
    }
    if (!best || best.files.length === 0) return { experts: [], files: [], repository: best?.repository, gitPath, partialHistory: false };
    const settings = this.settings();
    const files = best.files.map((f) => f.path);
    const { index, partial } = await this.store.indexFor(
      expertiseHistory(),
      best.repository.rootUri.fsPath,
      gitPath,
      settings.expertsHalfLifeDays,
      files,
      token,
    );
    const experts = rankExperts(index, {
      files: best.files,
      now: Math.floor(Date.now() / 1000),
      me: this.model.sourceOf(ticket)?.me,
      botPatterns: botPatterns(settings.expertsBotPatterns),
      people: settings.people,
      preferredRegion: settings.expertsPreferRegion ? ticket.region : undefined,
      recency: true,
      ownersOf: await loadCodeowners(best.repository),
    });
    return { experts, files, repository: best.repository, gitPath, partialHistory: partial };
  }

  private async pointedFiles(ticket: Ticket, repository: Repository, gitPath: string): Promise<{ path: string; confidence: number }[]> {
    const root = repository.rootUri.fsPath;
    const resolved = await filesNamedByTicket(gitPath, root, ticket);
    const byPath = new Map(resolved.map((f) => [f.path, f.confidence]));
    for (const text of errorTextsIn(ticket)) {
      // The text comes from the ticket: it is one argument after -e, never part of a command line.
      // -z: names as the tree lists them, never quoted.
      const grep = await gitRead(gitPath, root, ['grep', '-z', '-F', '-l', '-I', '-e', text, '--']);
      if (!grep.ok) continue;
      for (const path of grep.stdout.split('\0').filter(Boolean).slice(0, 5)) byPath.set(path, Math.max(byPath.get(path) ?? 0, GREP_CONFIDENCE));
    }
    return [...byPath.entries()].map(([path, confidence]) => ({ path, confidence })).sort((a, b) => b.confidence - a.confidence);
  }
}
