/**
 * "One comment per purpose, updated in place": a note is found by the hidden marker in its body.
 * Before creating, the issue is searched for it (newest first), so a retry after GitLab stored
 * the note and then answered 502 updates that note instead of adding a second one (case C10).
 */
import type { GitLabGateway } from '@/lib/gitlab/gateway';
import type { GitLabNote } from '@/lib/gitlab/types';
import { GitLabRequestError } from '@/lib/gitlab/errors';

/** GitLab's limit on a note body (lib/api/notes.rb). */
export const NOTE_MAX_CHARS = 1_000_000;

export interface MarkedNoteTarget {
  projectPath: string;
  iid: number;
  marker: string;
  /** Only our own note can be edited: someone else's marked note is left alone. */
  authorUsername: string;
}

export interface MarkedNoteResult {
  note: GitLabNote;
  action: 'created' | 'updated' | 'unchanged';
}

const isOurs = (note: GitLabNote, target: MarkedNoteTarget) =>
  !note.system && typeof note.body === 'string' && note.body.includes(target.marker) &&
  note.author?.username?.toLowerCase() === target.authorUsername.toLowerCase();

/** Newest first, page by page, stopping at the first match: a retro comment is usually recent. */
export async function findMarkedNote(gateway: GitLabGateway, target: MarkedNoteTarget): Promise<GitLabNote | null> {
  for (let page: number | null = 1; page !== null; ) {
    const result = await gateway.listNotes(target.projectPath, target.iid, { page, perPage: 100, sort: 'desc' });
    const found = result.items.find((note) => isOurs(note, target));
    if (found) return found;
    page = result.nextPage ?? (result.totalPages !== null && page < result.totalPages ? page + 1 : null);
  }
  return null;
}

export interface MarkedNoteOptions {
  /** For a new note: GitLab cannot make a posted note internal. */
  internal: boolean;
  /** Why this body may not go into the public note found (it holds text from internal notes), or null when it may. */
  refusePublic?: (existing: GitLabNote) => string | null;
  /** The marked note, when the caller has looked it up already (null: there is none). */
  found?: GitLabNote | null;
  /** Runs just before the body is sent (not when it is refused or unchanged): a write GitLab stores unanswered can be known later. */
  beforeSend?: () => Promise<void>;
}

export async function publishMarkedNote(gateway: GitLabGateway, target: MarkedNoteTarget, body: string, { internal, refusePublic, found, beforeSend }: MarkedNoteOptions): Promise<MarkedNoteResult> {
  if (!body.includes(target.marker)) throw new Error('a marked note must contain its marker');
  if (body.length > NOTE_MAX_CHARS) {
    throw new GitLabRequestError({ kind: 'rejected', status: 0, message: `The comment would be ${body.length.toLocaleString('en')} characters; GitLab allows ${NOTE_MAX_CHARS.toLocaleString('en')}. Shorten some entries and try again.` });
  }
  const existing = found === undefined ? await findMarkedNote(gateway, target) : found;
  if (!existing) {
    await beforeSend?.();
    return { note: await gateway.createNote(target.projectPath, target.iid, body, internal), action: 'created' };
  }
  const refusal = existing.internal !== true ? refusePublic?.(existing) : null;
  if (refusal) throw new GitLabRequestError({ kind: 'rejected', status: 0, message: refusal });
  if (existing.body === body) return { note: existing, action: 'unchanged' };
  await beforeSend?.();
  return { note: await gateway.editNote(target.projectPath, target.iid, existing.id, body), action: 'updated' };
}
