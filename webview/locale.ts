/**
 * The panel speaks VS Code's display language, not the browser's: the extension sends that
 * language and its translations, and every text the page shows goes through `l10n.t`.
 */
import * as l10n from '@vscode/l10n';

let language: string | undefined;

export function useLocale(displayLanguage: string, bundle: Readonly<Record<string, string>> | undefined): void {
  language = knownLanguage(displayLanguage);
  if (bundle) l10n.config({ contents: { ...bundle } });
}

/** For `Intl`: undefined means the browser's own, used until the extension says otherwise. */
export function displayLanguage(): string | undefined {
  return language;
}

/** VS Code's names (`zh-cn`, `qps-ploc`) are mostly BCP 47; one that `Intl` refuses falls back to the default. */
function knownLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
