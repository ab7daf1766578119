/**
 * Every command id, setting key, view id and context key in one place. package.json contributes the
 * same names; a unit test checks that the two agree.
 */
export const COMMANDS = {
  refresh: 'supportRotation.refresh',
  claim: 'supportRotation.claim',
  release: 'supportRotation.release',
  filterRegion: 'supportRotation.filterRegion',
  filterQueue: 'supportRotation.filterQueue',
  /** The same pick as filterQueue, shown with a filled icon while a filter is on. */
  editFilter: 'supportRotation.editFilter',
  clearFilter: 'supportRotation.clearFilter',
  changeGrouping: 'supportRotation.changeGrouping',
  createSampleQueue: 'supportRotation.createSampleQueue',
  openQueueFile: 'supportRotation.openQueueFile',
  openSettings: 'supportRotation.openSettings',
  showLog: 'supportRotation.showLog',
  createFixBranch: 'supportRotation.createFixBranch',
  activeTicketActions: 'supportRotation.activeTicketActions',
  stopWorking: 'supportRotation.stopWorking',
  addInternalNote: 'supportRotation.addInternalNote',
  handOff: 'supportRotation.handOff',
  sendDraft: 'supportRotation.sendDraft',
  discardDraft: 'supportRotation.discardDraft',
  revealTicket: 'supportRotation.revealTicket',
  openInBrowser: 'supportRotation.openInBrowser',
  openTicket: 'supportRotation.openTicket',
  pairWithExpert: 'supportRotation.pairWithExpert',
  signInGitlab: 'supportRotation.signInGitlab',
  signOutGitlab: 'supportRotation.signOutGitlab',
  signInZendesk: 'supportRotation.signInZendesk',
  signOutZendesk: 'supportRotation.signOutZendesk',
  createMergeRequest: 'supportRotation.createMergeRequest',
  setSeverity: 'supportRotation.setSeverity',
  setStatus: 'supportRotation.setStatus',
  nextUrgentTicket: 'supportRotation.nextUrgentTicket',
  createPullRequest: 'supportRotation.createPullRequest',
  signInGithub: 'supportRotation.signInGithub',
  signInJira: 'supportRotation.signInJira',
  signOutJira: 'supportRotation.signOutJira',
  handOverRotation: 'supportRotation.handOverRotation',
  openDashboard: 'supportRotation.openDashboard',
} as const;

export const SETTINGS = {
  section: 'supportRotation',
  sources: 'sources',
  localQueueFile: 'local.queueFile',
  localMe: 'local.me',
  slaTargets: 'sla.firstResponseMinutes',
  hiddenStatuses: 'queue.hiddenStatuses',
  groupBy: 'queue.groupBy',
  branchTemplate: 'branch.template',
  branchMaxSlugLength: 'branch.maxSlugLength',
  branchBase: 'branch.base',
  branchClaimOnStart: 'branch.claimOnStart',
  commitTemplate: 'commit.template',
  teams: 'teams',
  teamsFile: 'teamsFile',
  people: 'people',
  expertsHalfLifeDays: 'experts.halfLifeDays',
  expertsBotPatterns: 'experts.botPatterns',
  expertsPreferRegion: 'experts.preferRegion',
  mergeRequestReference: 'mergeRequest.reference',
  mergeRequestDraft: 'mergeRequest.draft',
  alertSeverities: 'alerts.severities',
  alertDueSoonMinutes: 'alerts.dueSoonMinutes',
  startupOpenQueue: 'startup.openQueue',
  handoverRotationDays: 'handover.rotationDays',
} as const;

export const VIEWS = {
  container: 'supportRotation',
  queue: 'supportRotation.queue',
} as const;

/** Webview panels VS Code restores after a reload: package.json activates on each (`onWebviewPanel:`). */
export const PANEL_VIEW_TYPES = {
  ticket: 'supportRotation.ticket',
  dashboard: 'supportRotation.dashboard',
} as const;

/** Set with `setContext`; package.json's `when` clauses read them. */
export const CONTEXT_KEYS = {
  queueState: 'supportRotation.queueState',
  /** True while the active editor is a note or hand-off draft: its title bar shows Send and Discard. */
  draftActive: 'supportRotation.draftActive',
  /** True while a ticket in the queue comes from a source that can set severities: the menus offer Set Severity…. */
  canSetSeverity: 'supportRotation.canSetSeverity',
  /** The same for Set Status…. */
  canSetStatus: 'supportRotation.canSetStatus',
  /** True while the region filter or the ticket filter hides part of the queue. */
  queueFiltered: 'supportRotation.queueFiltered',
  /** True while some source of the queue can open merge requests: the command is offered only then. */
  mergeRequestsAvailable: 'supportRotation.mergeRequestsAvailable',
} as const;

/** What the welcome view shows: `loading`, `ready`, `missing` (no queue file), `noFolder`, `failed`. */
export type QueueState = 'loading' | 'ready' | 'missing' | 'noFolder' | 'failed';

/** `contextValue` of tree items, read by the menus' `viewItem` clauses. */
export const ITEM_CONTEXT = {
  unclaimed: 'ticket.unclaimed',
  mine: 'ticket.mine',
  others: 'ticket.others',
  group: 'group',
  problem: 'problem',
} as const;
