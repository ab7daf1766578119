/**
 * What every source operation returns: errors are values, so the UI can turn each into a clear
 * message with the right action, and nothing throws across the provider boundary.
 */
import type { Person, Ticket } from '../core/ticket';

export type SourceResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  /** Someone else holds the ticket, or it changed since the caller read it. */
  | { readonly kind: 'conflict'; readonly holder: Person | null; readonly current?: Ticket; readonly message: string }
  | { readonly kind: 'notFound'; readonly message: string }
  | { readonly kind: 'offline'; readonly message: string }
  | { readonly kind: 'rateLimited'; readonly retryAt: Date; readonly message: string }
  /** The answer (a file, a server response) did not have the expected shape. */
  | { readonly kind: 'invalidResponse'; readonly message: string }
  /** Sign-in needed, or who "me" is could not be established. */
  | { readonly kind: 'unauthorised'; readonly message: string }
  /** The server understood, knows who we are and will not do this one thing (a conversation locked by its maintainers). */
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'cancelled'; readonly message: string };

export type SourceFailure = Exclude<SourceResult<never>, { kind: 'ok' }>;

export function ok<T>(value: T): SourceResult<T> {
  return { kind: 'ok', value };
}

export function fail(kind: Exclude<SourceFailure['kind'], 'conflict' | 'rateLimited'>, message: string): SourceFailure {
  return { kind, message };
}
