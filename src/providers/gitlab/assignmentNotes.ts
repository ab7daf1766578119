/**
 * What GitLab's system notes say about assignments. Every change of assignees writes one note,
 * authored by whoever made the change, in English whatever the instance's language:
 * "assigned to @a", "unassigned @b", "assigned to @a and unassigned @b and @c" (lists joined as
 * Rails' `to_sentence` joins them). The issue PUT has no precondition, so these notes are the only
 * record of whom a write of ours displaced.
 */
import type { GitlabNote } from './gitlabSchemas';

export interface AssignmentChange {
  readonly assigned: readonly string[];
  readonly unassigned: readonly string[];
}

const REFERENCE = /@([\w.-]+)/g;

/** The usernames a system note assigned and unassigned; undefined when it is not about assignees. */
export function assignmentChange(note: Pick<GitlabNote, 'body' | 'system'>): AssignmentChange | undefined {
  if (!note.system) return undefined;
  const match = /^(?:assigned to (.+?))?(?:(?:^| and )unassigned (.+))?$/.exec(note.body.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return { assigned: usernames(match[1]), unassigned: usernames(match[2]) };
}

/** Who the given user's own assignment changes among `notes` took off the issue, other than that user. */
export function displacedBy(notes: readonly GitlabNote[], author: { readonly id: number; readonly username: string }): string[] {
  const displaced = new Set<string>();
  for (const note of notes) {
    if (note.author.id !== author.id) continue;
    for (const username of assignmentChange(note)?.unassigned ?? []) if (username !== author.username) displaced.add(username);
  }
  return [...displaced];
}

function usernames(list: string | undefined): string[] {
  return list ? [...list.matchAll(REFERENCE)].map((m) => m[1] ?? '').filter((name) => name !== '') : [];
}
