/**
 * Every command is registered here, so that an unexpected error is handled one way: logged in full
 * and shown in one line that names the command as people know it, by its title ("Claim Ticket
 * failed: …"), never by its id.
 */
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { reportUnexpected } from './failureMessages';

export type CommandAction = (...args: unknown[]) => unknown;

const manifestCommandsSchema = z.object({
  contributes: z.object({ commands: z.array(z.object({ command: z.string(), title: z.string() })) }),
});

/** The command's title from the manifest, which VS Code has already localised. */
function commandTitle(context: vscode.ExtensionContext, id: string): string {
  const manifest = manifestCommandsSchema.safeParse(context.extension.packageJSON);
  const title = manifest.success ? manifest.data.contributes.commands.find((c) => c.command === id)?.title : undefined;
  return title ?? vscode.l10n.t('A Support Rotation command');
}

export function registerCommand(context: vscode.ExtensionContext, id: string, action: CommandAction): void {
  const title = commandTitle(context, id);
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await action(...args);
      } catch (error) {
        reportUnexpected(title, error);
        return undefined;
      }
    }),
  );
}
