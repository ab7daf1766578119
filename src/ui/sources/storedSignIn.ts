/**
 * Where a sign-in to a ticket system is kept: the credential, as JSON, only in VS Code's
 * SecretStorage; who signed in in the global state, which holds no secret. Both are read back
 * through a schema, since either may have been written by another version of the extension.
 */
import type * as vscode from 'vscode';
import * as z from 'zod/mini';

/** An e-mail address with an API token, or a token sent as a bearer (`bearer` names its kind). */
export type TokenCredential<Bearer extends string> =
  { readonly kind: 'apiToken'; readonly email: string; readonly token: string } | { readonly kind: Bearer; readonly token: string };

export interface StoredSignInDeps {
  readonly secrets: vscode.SecretStorage;
  readonly state: vscode.Memento;
  readonly log: vscode.LogOutputChannel;
}

export interface StoredSignInKind<Bearer extends string, User> {
  /** Names the keys: `supportRotation.<system>.credential.<source id>` and `….user.…`. */
  readonly system: string;
  /** The ticket system's name in the log, which is English. */
  readonly logName: string;
  readonly bearer: Bearer;
  readonly user: z.ZodMiniType<User>;
}

export class StoredSignIn<Bearer extends string, User> {
  private readonly credentialSchema: z.ZodMiniType<TokenCredential<Bearer>>;

  constructor(
    private readonly deps: StoredSignInDeps,
    private readonly kind: StoredSignInKind<Bearer, User>,
  ) {
    this.credentialSchema = z.union([
      z.object({ kind: z.literal('apiToken'), email: z.string(), token: z.string() }),
      z.object({ kind: z.literal(kind.bearer), token: z.string() }),
    ]);
  }

  user(sourceId: string): User | undefined {
    const parsed = this.kind.user.safeParse(this.deps.state.get<unknown>(this.key('user', sourceId)));
    return parsed.success ? parsed.data : undefined;
  }

  async credential(sourceId: string): Promise<TokenCredential<Bearer> | undefined> {
    const stored = await this.deps.secrets.get(this.key('credential', sourceId));
    if (!stored) return undefined;
    const parsed = this.credentialSchema.safeParse(parseJson(stored));
    if (parsed.success) return parsed.data;
    this.deps.log.warn(`The stored ${this.kind.logName} credential of ${sourceId} could not be read; sign in again.`);
    return undefined;
  }

  async keep(sourceId: string, credential: TokenCredential<Bearer>, user: User): Promise<void> {
    await this.deps.secrets.store(this.key('credential', sourceId), JSON.stringify(credential));
    await this.deps.state.update(this.key('user', sourceId), user);
  }

  async forget(sourceId: string): Promise<void> {
    await this.deps.secrets.delete(this.key('credential', sourceId));
    await this.deps.state.update(this.key('user', sourceId), undefined);
  }

  private key(what: 'credential' | 'user', sourceId: string): string {
    return `supportRotation.${this.kind.system}.${what}.${sourceId}`;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
