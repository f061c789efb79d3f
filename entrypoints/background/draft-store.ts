/**
 * Per-issue drafts in extension storage, one key per draft (`local:draft:<kind>:<issue key>`), with
 * a revision so that two tabs on the same issue find a clash instead of overwriting each other.
 */
import { storage } from 'wxt/utils/storage';
import type { Draft, DraftKind, DraftSaveResult, DraftView, PublishedMark } from '@/lib/drafts';

interface StoredDraft {
  revision: number;
  savedAt: string;
  data: unknown;
  published: PublishedMark | null;
  /** Digest of the last comment body sent for this draft, so a comment GitLab stored without answering is known as ours. */
  sent?: string;
}

const keyOf = (kind: DraftKind, issueKey: string) => `local:draft:${kind}:${issueKey}` as const;

// Read-check-write must not interleave: the worker handles two tabs' saves concurrently.
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
  queues.set(key, run.catch(() => undefined));
  return run;
}

function view<K extends DraftKind>(kind: K, stored: StoredDraft | null): DraftView<K> {
  return {
    kind,
    revision: stored?.revision ?? 0,
    savedAt: stored?.savedAt ?? null,
    data: stored?.data ?? null,
    published: stored?.published ?? null,
  } as DraftView<K>;
}

export async function loadDraft<K extends DraftKind>(kind: K, issueKey: string): Promise<DraftView<K>> {
  return view(kind, await storage.getItem<StoredDraft>(keyOf(kind, issueKey)));
}

/** Saves when `baseRevision` is the stored one; otherwise returns what is stored, untouched. */
export function saveDraft(issueKey: string, draft: Draft, baseRevision: number, now: Date): Promise<DraftSaveResult> {
  const key = keyOf(draft.kind, issueKey);
  return serialized(key, async () => {
    const stored = await storage.getItem<StoredDraft>(key);
    if ((stored?.revision ?? 0) !== baseRevision) return { status: 'conflict', current: view(draft.kind, stored) };
    const next: StoredDraft = { ...stored, revision: baseRevision + 1, savedAt: now.toISOString(), data: draft.data, published: stored?.published ?? null };
    await storage.setItem(key, next);
    return { status: 'saved', revision: next.revision, savedAt: next.savedAt };
  });
}

/**
 * After GitLab confirmed a publish: the draft stays (it is what the next edit starts from) but
 * records what was published, and at which revision. An edit saved while the post was on its way
 * keeps the mark (the draft is then "changed since posted"); an older post never replaces a newer mark.
 */
export function markPublished(kind: DraftKind, issueKey: string, mark: PublishedMark): Promise<boolean> {
  const key = keyOf(kind, issueKey);
  return serialized(key, async () => {
    const stored = await storage.getItem<StoredDraft>(key);
    if (!stored || mark.revision > stored.revision || (stored.published?.revision ?? 0) > mark.revision) return false;
    await storage.setItem(key, { ...stored, published: mark });
    return true;
  });
}

const digest = async (text: string) => {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
};

/** Before a comment is sent: remembered, in case GitLab stores it and the answer is lost (a 502, a timeout). */
export function recordSent(kind: DraftKind, issueKey: string, body: string): Promise<void> {
  const key = keyOf(kind, issueKey);
  return serialized(key, async () => {
    const stored = await storage.getItem<StoredDraft>(key);
    if (stored) await storage.setItem(key, { ...stored, sent: await digest(body) });
  });
}

/** Whether `body` is the last comment this draft sent: a comment found on GitLab with it was posted from here. */
export async function wasSentFromHere(kind: DraftKind, issueKey: string, body: string): Promise<boolean> {
  const stored = await storage.getItem<StoredDraft>(keyOf(kind, issueKey));
  return !!stored?.sent && stored.sent === (await digest(body));
}

/** Removes a draft, unless it was saved again meanwhile. */
export function removeDraft(kind: DraftKind, issueKey: string, revision: number): Promise<boolean> {
  const key = keyOf(kind, issueKey);
  return serialized(key, async () => {
    const stored = await storage.getItem<StoredDraft>(key);
    if (!stored || stored.revision !== revision) return false;
    await storage.removeItem(key);
    return true;
  });
}

/** A draft GitLab has (posted, unchanged since) is kept this long after that post. */
const KEEP_POSTED_MS = 30 * 86_400_000;
const DRAFT_KEY = /^draft:(timeline|findings):(.+)$/;

/**
 * Storage is finite (Chrome's local area holds 10 MB without `unlimitedStorage`), so drafts of
 * retros long done go: a month after GitLab confirmed what they hold. A draft with anything
 * GitLab does not have is never removed.
 */
export async function pruneDrafts(now: Date): Promise<number> {
  const all = await storage.snapshot('local');
  let removed = 0;
  for (const [key, value] of Object.entries(all)) {
    const match = DRAFT_KEY.exec(key);
    const stored = value as Partial<StoredDraft> | null;
    if (!match || typeof stored?.revision !== 'number' || stored.published?.revision !== stored.revision) continue;
    const old = now.getTime() - Date.parse(stored.published.at) > KEEP_POSTED_MS;
    if (old && (await removeDraft(match[1] as DraftKind, match[2]!, stored.revision))) removed += 1;
  }
  return removed;
}
