/**
 * Ownership evidence from the workspace's repositories: the files a ticket names (resolved
 * against `git ls-files`), the files changed on its fix branches, CODEOWNERS (GitLab's flavour
 * when the remote is a GitLab, else GitHub's) and the team map (file and setting).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import type { OwnerMatch } from '../../core/ownership/codeowners';
import { routeFor, mergeTeamMaps, parseTeams, parseTeamsFile, type Team, type TeamMap } from '../../core/ownership/teamMap';
import type { EvidenceFile } from '../../core/ownership/teamRanking';
import type { Ticket } from '../../core/ticket';
import { defaultBranch, remoteOf } from '../../git/baseBranch';
import { gitApi } from '../../git/gitExtension';
import type { Repository } from '../../git/gitApiTypes';
import { filesNamedByTicket } from '../../git/ticketFiles';
import { filesChangedOnBranch } from '../../git/repositoryFiles';
import { log } from '../common/log';
import { ownershipRules } from './ownershipBundle';
import { loadCodeowners } from './repositoryCodeowners';
import type { HandoffAdvice, OwnershipAdvisor, TeamChoice } from './ownershipAdvisor';
import type { Settings } from '../common/settings';

interface RepositoryEvidence {
  readonly evidence: EvidenceFile[];
  readonly teams: TeamMap;
  readonly ownersOf?: (path: string) => OwnerMatch[];
}

export class RepositoryOwnershipAdvisor implements OwnershipAdvisor {
  constructor(private readonly settings: () => Settings) {}

  async advise(ticket: Ticket, sourceKind: string, token?: vscode.CancellationToken): Promise<HandoffAdvice> {
    const git = await gitApi();
    const repositories = git.ok ? git.api.repositories : [];
    const fromSetting = parseTeams(this.settings().teams, 'supportRotation.teams');
    const perRepository: RepositoryEvidence[] = [];
    for (const repository of repositories) {
      if (token?.isCancellationRequested) break;
      perRepository.push(await this.repositoryEvidence(repository, git.ok ? git.api.git.path : 'git', ticket));
    }
    const teams = perRepository.reduce((map, r) => mergeTeamMaps(r.teams, map), fromSetting);
    for (const problem of teams.problems) log().warn(problem);
    const evidence = perRepository.flatMap((r) => r.evidence);
    const owners = perRepository.flatMap((r) => (r.ownersOf ? [r.ownersOf] : []));
    const ranking = ownershipRules().rankTeams(evidence, teams.teams, owners.length > 0 ? (path) => owners.flatMap((of) => of(path)) : undefined);
    for (const other of ranking.otherOwners) log().info(`${ticket.key}: ${other.handle} owns evidence files but is in no team: ${other.reasons.join('; ')}`);

    const suggested = new Set(ranking.teams.map((t) => t.team.id));
    const choice = (team: Team, reasons: readonly string[]): TeamChoice => ({
      teamId: team.id,
      teamName: team.name,
      route: routeFor(team, sourceKind),
      reasons,
    });
    return {
      suggestions: ranking.teams.map((t) => choice(t.team, t.reasons)),
      otherTeams: teams.teams.filter((t) => !suggested.has(t.id)).map((t) => choice(t, [])),
      suspects: ranking.teams.flatMap((t) => t.files.map((path) => ({ path, teamId: t.team.id, why: t.reasons[0]?.split(' — ')[0] ?? 'owned by the team' }))),
    };
  }

  private async repositoryEvidence(repository: Repository, gitPath: string, ticket: Ticket): Promise<RepositoryEvidence> {
    const root = repository.rootUri.fsPath;
    const named = (await filesNamedByTicket(gitPath, root, ticket)).map((f): EvidenceFile => ({ path: f.path, origin: 'ticket', confidence: f.confidence }));
    const changed = await this.branchEvidence(repository, gitPath, ticket);
    return { evidence: [...named, ...changed], teams: await this.teamFile(root), ownersOf: await loadCodeowners(repository) };
  }

  private async branchEvidence(repository: Repository, gitPath: string, ticket: Ticket): Promise<EvidenceFile[]> {
    const root = repository.rootUri.fsPath;
    const base = await defaultBranch(gitPath, root, remoteOf(repository));
    if (!base) return [];
    const branches = ticket.links.filter((l) => l.kind === 'branch').map((l) => l.name);
    const changed = await Promise.all(branches.map((branch) => filesChangedOnBranch(gitPath, root, branch, base)));
    return [...new Set(changed.flat())].map((path) => ({ path, origin: 'branch' }));
  }

  private async teamFile(root: string): Promise<TeamMap> {
    const file = join(root, this.settings().teamsFile);
    if (!existsSync(file)) return { teams: [], problems: [] };
    return parseTeamsFile(await readFile(file, 'utf8'), file);
  }
}
