/**
 * The demo's start: its server's machine settings open the window on the queue and its most urgent
 * ticket. `npm start` writes them, and the first-run e2e suite starts a server with the same ones.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';

export function startOnTheQueue(stateDir: string): void {
  setSetting(join(stateDir, 'user-data', 'Machine', 'settings.json'), 'supportRotation.startup.openQueue', true);
  // Application settings are read from the user's file only: the chat beside the editor stays closed.
  setSetting(join(stateDir, 'user-data', 'User', 'settings.json'), 'workbench.secondarySideBar.defaultVisibility', 'hidden');
}

function setSetting(file: string, key: string, value: unknown): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '{}';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, applyEdits(text, modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } })));
}
