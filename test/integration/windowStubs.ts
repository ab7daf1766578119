/**
 * Answers the extension's dialogs from inside the extension host, where no one can click. The
 * extension and its tests share one `vscode` API object, so replacing a `window` function here
 * replaces it for the extension; every message is recorded for the assertions.
 */
import * as vscode from 'vscode';

type MessageFunction = 'showWarningMessage' | 'showInformationMessage' | 'showErrorMessage';

export interface AnsweredDialogs {
  readonly messages: string[];
  /** The buttons each message offered, in the same order as `messages`. */
  readonly offered: string[][];
  restore(): void;
}

/** Each dialog gets the answer whose key occurs in its message; others are dismissed. */
export function answerDialogs(answers: Record<string, string>): AnsweredDialogs {
  const window = vscode.window as unknown as Record<MessageFunction, (...args: unknown[]) => Thenable<unknown>>;
  const originals = new Map<MessageFunction, (...args: unknown[]) => Thenable<unknown>>();
  const messages: string[] = [];
  const offered: string[][] = [];
  for (const name of ['showWarningMessage', 'showInformationMessage', 'showErrorMessage'] as const) {
    originals.set(name, window[name]);
    window[name] = (message: unknown, ...rest: unknown[]) => {
      messages.push(String(message));
      const items = rest.filter((r): r is string => typeof r === 'string');
      offered.push(items);
      const answer = Object.entries(answers).find(([key]) => String(message).includes(key))?.[1];
      return Promise.resolve(answer !== undefined && items.includes(answer) ? answer : undefined);
    };
  }
  return {
    messages,
    offered,
    restore: () => {
      for (const [name, original] of originals) window[name] = original;
    },
  };
}

export interface AnsweredQuickPicks {
  /** The items of every quick pick shown, as the user would have seen them. */
  readonly shown: vscode.QuickPickItem[][];
  restore(): void;
}

/** Each quick pick is answered by `choose` (undefined: dismissed). */
export function answerQuickPicks(choose: (items: vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined): AnsweredQuickPicks {
  const window = vscode.window as unknown as { showQuickPick: (items: unknown) => Thenable<unknown> };
  const original = window.showQuickPick;
  const shown: vscode.QuickPickItem[][] = [];
  window.showQuickPick = async (items: unknown) => {
    const list = (await Promise.resolve(items)) as vscode.QuickPickItem[];
    shown.push(list);
    return choose(list);
  };
  return { shown, restore: () => (window.showQuickPick = original) };
}

/** Each input box is answered with the next value; what it asked is recorded. */
export function answerInputBoxes(...values: (string | undefined)[]): { readonly prompts: string[]; restore(): void } {
  const window = vscode.window as unknown as { showInputBox: (options?: vscode.InputBoxOptions) => Thenable<string | undefined> };
  const original = window.showInputBox;
  const prompts: string[] = [];
  window.showInputBox = async (options) => {
    prompts.push(options?.prompt ?? '');
    return values.shift();
  };
  return { prompts, restore: () => (window.showInputBox = original) };
}
