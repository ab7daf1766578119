/**
 * The demo's start: its server's machine settings open the window on the queue and its most urgent
 * ticket. `npm start` writes them, and the first-run e2e suite starts a server with the same ones.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';

export function startOnTheQueue(stateDir: string): void {
  const file = join(stateDir, 'user-data', 'Machine', 'settings.json');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '{}';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, applyEdits(text, modify(text, ['supportRotation.startup.openQueue'], true, { formattingOptions: { insertSpaces: true, tabSize: 2 } })));
}
