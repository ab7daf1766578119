/**
 * What a change request is called where it is opened: GitHub says "pull request", GitLab "merge
 * request". Whole sentences per name, because translators cannot fit a noun into someone else's sentence.
 */
import * as vscode from 'vscode';

export interface ChangeRequestTexts {
  checkOutFirst(key: string): string;
  progressTitle(key: string): string;
  opening(target: string): string;
  openingFailed(branch: string, reason: string): string;
  opened(reference: string, key: string): string;
  openAction(): string;
}

const PULL_REQUEST: ChangeRequestTexts = {
  checkOutFirst: (key) => vscode.l10n.t("Check out {0}'s fix branch first (Create Fix Branch), then create the pull request from it.", key),
  progressTitle: (key) => vscode.l10n.t('Pull request for {0}', key),
  opening: (target) => vscode.l10n.t('opening the pull request into {0}…', target),
  openingFailed: (branch, reason) => vscode.l10n.t('Pushed {0}; opening the pull request failed: {1}', branch, reason),
  opened: (reference, key) => vscode.l10n.t('Pull request {0} opened for {1}.', reference, key),
  openAction: () => vscode.l10n.t('Open Pull Request'),
};

const MERGE_REQUEST: ChangeRequestTexts = {
  checkOutFirst: (key) => vscode.l10n.t("Check out {0}'s fix branch first (Create Fix Branch), then create the merge request from it.", key),
  progressTitle: (key) => vscode.l10n.t('Merge request for {0}', key),
  opening: (target) => vscode.l10n.t('opening the merge request into {0}…', target),
  openingFailed: (branch, reason) => vscode.l10n.t('Pushed {0}; opening the merge request failed: {1}', branch, reason),
  opened: (reference, key) => vscode.l10n.t('Merge request {0} opened for {1}.', reference, key),
  openAction: () => vscode.l10n.t('Open Merge Request'),
};

export function changeRequestTexts(sourceKind: string): ChangeRequestTexts {
  return sourceKind === 'github' ? PULL_REQUEST : MERGE_REQUEST;
}
