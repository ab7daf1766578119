/**
 * The users, organisations and groups tickets name but an answer did not side-load (the search
 * export side-loads nothing; a deleted user is missing from any side-load): asked for in batches of
 * 100 with `show_many`, never one request per ticket, and remembered. One that Zendesk no longer
 * has is remembered as missing, so it is not asked for again on every refresh.
 */
import * as z from 'zod/mini';
import { ok, type SourceResult } from '../sourceResult';
import { PAGE_SIZE, type ZendeskApi } from './zendeskApi';
import type { ZendeskDirectory } from './zendeskMapping';
import { zendeskGroupPageSchema, zendeskOrganizationSchema, zendeskUserSchema } from './zendeskSchemas';

const usersSchema = z.looseObject({ users: z.array(zendeskUserSchema) });
const organizationsSchema = z.looseObject({ organizations: z.array(zendeskOrganizationSchema) });
/** 10,000 groups: far beyond any account. */
const MAX_GROUP_PAGES = 100;

interface Named {
  readonly assignee_id?: unknown;
  readonly requester_id?: unknown;
  readonly author_id?: unknown;
  readonly organization_id?: unknown;
  readonly group_id?: unknown;
}

export class ZendeskLookups {
  private readonly known: ZendeskDirectory;
  private readonly missing = new Set<string>();
  private groupsRead = false;

  constructor(
    private readonly api: ZendeskApi,
    directory: ZendeskDirectory,
  ) {
    this.known = directory;
  }

  /** Fills `directory` with what `records` name: from what it holds, what was looked up before, then Zendesk. */
  async complete(directory: ZendeskDirectory, records: readonly unknown[], signal?: AbortSignal): Promise<SourceResult<ZendeskDirectory>> {
    this.known.add({ users: [...directory.users.values()], organizations: [...directory.organizations.values()], groups: [...directory.groups.values()] });
    const named = records.filter((r): r is Named => typeof r === 'object' && r !== null);
    const ids = (pick: (r: Named) => unknown[]): number[] => [...new Set(named.flatMap(pick).filter((v): v is number => typeof v === 'number'))];
    const users = ids((r) => [r.assignee_id, r.requester_id, r.author_id]).filter((id) => !this.known.users.has(id) && !this.missing.has(`user ${id}`));
    const organizations = ids((r) => [r.organization_id]).filter((id) => !this.known.organizations.has(id) && !this.missing.has(`organization ${id}`));
    const groups = ids((r) => [r.group_id]).filter((id) => !this.known.groups.has(id));
    for (const batch of batches(users)) {
      const found = await this.api.get('/users/show_many', usersSchema, { ids: batch.join(',') }, signal);
      if (found.kind !== 'ok') return found;
      this.remember('user', batch, found.value.data.users);
      this.known.add({ users: found.value.data.users });
    }
    for (const batch of batches(organizations)) {
      const found = await this.api.get('/organizations/show_many', organizationsSchema, { ids: batch.join(',') }, signal);
      if (found.kind !== 'ok') return found;
      this.remember('organization', batch, found.value.data.organizations);
      this.known.add({ organizations: found.value.data.organizations });
    }
    if (groups.length > 0) {
      const read = await this.groups(signal);
      if (read.kind !== 'ok') return read;
    }
    return ok(
      directory.add({ users: [...this.known.users.values()], organizations: [...this.known.organizations.values()], groups: [...this.known.groups.values()] }),
    );
  }

  /** Every group, read once: a hand-off names its team by group name. */
  async groups(signal?: AbortSignal): Promise<SourceResult<ZendeskDirectory['groups']>> {
    if (!this.groupsRead) {
      const read = await this.api.walk('/groups', zendeskGroupPageSchema, {}, (page) => this.known.add({ groups: page.groups }), MAX_GROUP_PAGES, signal);
      if (read.kind !== 'ok') return read;
      this.groupsRead = true;
    }
    return ok(this.known.groups);
  }

  private remember(kind: string, asked: readonly number[], found: readonly { id: number }[]): void {
    for (const id of asked) if (!found.some((f) => f.id === id)) this.missing.add(`${kind} ${id}`);
  }
}

function batches(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += PAGE_SIZE) out.push(ids.slice(i, i + PAGE_SIZE));
  return out;
}
