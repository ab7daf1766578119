/**
 * Every command id, setting key, view id and context key in one place. package.json contributes the
 * same names; a unit test checks that the two agree.
 */
export const COMMANDS = {
  refresh: 'supportRotation.refresh',
  claim: 'supportRotation.claim',
  release: 'supportRotation.release',
  filterRegion: 'supportRotation.filterRegion',
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
  createMergeRequest: 'supportRotation.createMergeRequest',
  createPullRequest: 'supportRotation.createPullRequest',
  signInGithub: 'supportRotation.signInGithub',
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
} as const;

export const VIEWS = {
  container: 'supportRotation',
  queue: 'supportRotation.queue',
} as const;

/** Set with `setContext`; package.json's `when` clauses read them. */
export const CONTEXT_KEYS = {
  queueState: 'supportRotation.queueState',
  /** True while the active editor is a note or hand-off draft: its title bar shows Send and Discard. */
  draftActive: 'supportRotation.draftActive',
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
