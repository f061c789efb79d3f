/**
 * A section's draft, saved as the user types: debounced, flushed when the page is hidden or the
 * section goes away, and never over another tab's newer save (that becomes a conflict to resolve).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { DraftData, DraftKind, DraftView, PublishedMark } from '@/lib/drafts';
import type { DraftClient } from './draft-client';

export const SAVE_DELAY_MS = 800;

export type SaveStatus = 'idle' | 'unsaved' | 'saving' | 'saved' | 'error' | 'conflict';

/** Mine and a stored version in one; `base` is the version this tab last saved or loaded (what mine lacks of it was removed here). */
type Join<K extends DraftKind> = (mine: DraftData<K>, stored: DraftData<K>, base: DraftData<K>) => DraftData<K>;

export interface DraftState<K extends DraftKind> {
  loading: boolean;
  loadError: ApiError | null;
  data: DraftData<K>;
  revision: number;
  savedAt: string | null;
  published: PublishedMark | null;
  status: SaveStatus;
  saveError: ApiError | null;
  /** Another tab's newer version, while the user decides. */
  conflict: DraftView<K> | null;
  update(change: (data: DraftData<K>) => DraftData<K>): void;
  /** Saves now; resolves to the revision that holds the current data, or null if it could not be saved. */
  flush(): Promise<number | null>;
  /** "Both": mine, with what the other version adds (the section's `join`); also what leaving with the clash open does. */
  resolveConflict(keep: 'mine' | 'theirs' | 'both'): void;
  setPublished(mark: PublishedMark): void;
  reload(): void;
  /**
   * Makes a stored version this tab's, such as one a request of this tab's own made newer (a post
   * that took in entries). With `combine`, what was typed here since the last save is not lost:
   * `combine(mine, stored)` brings both together, and that is saved on top.
   */
  take(view: DraftView<K>, combine?: Join<K>): void;
  /** While on, typing is not saved (a request of this tab's own is changing the stored draft, and a save would clash with it); leaving the page still saves. */
  hold(on: boolean): void;
}

export function useDraft<K extends DraftKind>(client: DraftClient, kind: K, empty: () => DraftData<K>, join: Join<K>): DraftState<K> {
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [data, setData] = useState<DraftData<K>>(empty);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<DraftView<K> | null>(null);
  const [meta, setMeta] = useState<{ revision: number; savedAt: string | null; published: PublishedMark | null }>({ revision: 0, savedAt: null, published: null });
  // Latest values for timers and unload handlers, which outlive the render that made them.
  // `next`: the revision the store holds once every save sent has landed.
  // `clash`: another tab's version while the user decides; `join`: the latest render's; `base`: as last saved or loaded.
  const live = useRef({ data, base: data, revision: 0, next: 0, dirty: false, saving: null as Promise<number | null> | null, timer: 0 as ReturnType<typeof setTimeout> | 0, blocked: false, held: false, clash: null as DraftView<K> | null, join });
  live.current.join = join;

  // `leaving`: the page is going away, and an answer still on its way would never reach it. So the
  // latest data is sent at once, on top of the revision the save in flight makes: the worker applies
  // one tab's saves in the order sent, and a clash with another tab is still found.
  const save = useCallback(async (leaving = false): Promise<number | null> => {
    const state = live.current;
    const inFlight = state.saving;
    if (inFlight && !leaving) await inFlight;
    if (state.blocked) return null;
    if (!state.dirty) return state.revision;
    state.dirty = false;
    setStatus('saving');
    const sent = state.data;
    const base = inFlight && leaving ? state.next : state.revision;
    state.next = base + 1;
    const saving: Promise<number | null> = client.saveDraft({ kind, data: sent } as never, base).then((reply) => {
      if (state.saving === saving) state.saving = null;
      if (!reply.ok) {
        state.dirty = true;
        setSaveError(reply.error);
        setStatus('error');
        return null;
      }
      if (reply.data.status === 'conflict') {
        state.blocked = true;
        state.dirty = true;
        state.clash = reply.data.current as unknown as DraftView<K>;
        setConflict(state.clash);
        setStatus('conflict');
        return null;
      }
      state.revision = reply.data.revision;
      state.base = sent;
      setMeta((m) => ({ ...m, revision: reply.data.status === 'saved' ? reply.data.revision : m.revision, savedAt: reply.data.status === 'saved' ? reply.data.savedAt : m.savedAt }));
      setSaveError(null);
      setStatus(state.dirty ? 'unsaved' : 'saved');
      return state.dirty ? null : state.revision;
    });
    state.saving = saving;
    return saving;
  }, [client, kind]);

  const flush = useCallback(async (leaving = false) => {
    clearTimeout(live.current.timer);
    const revision = await save(leaving);
    // Typed while the save was on its way: save that too.
    return live.current.dirty && !live.current.blocked ? save() : revision;
  }, [save]);

  const take = useCallback((view: DraftView<K>, combine?: Join<K>) => {
    const state = live.current;
    const stored = (view.data ?? empty()) as DraftData<K>;
    const typed = !!combine && state.dirty;
    clearTimeout(state.timer);
    Object.assign(state, { data: typed ? combine(state.data, stored, state.base) : stored, base: stored, revision: view.revision, next: view.revision, dirty: typed, blocked: false, clash: null });
    const shown = state.data;
    setConflict(null);
    setData(() => shown);
    setMeta({ revision: view.revision, savedAt: view.savedAt, published: view.published });
    setStatus(typed ? 'unsaved' : view.revision ? 'saved' : 'idle');
    if (typed) void save();
    // `empty` only makes a fresh value; it is left out of the dependencies on purpose.
  }, [save]);

  const load = useCallback(() => {
    setLoading(true);
    setLoadError(null);
    void client.loadDraft(kind).then((reply) => {
      setLoading(false);
      // Typed before the stored draft arrived (a field shown at once): joined to it, not replaced by it.
      if (reply.ok) take(reply.data, live.current.join);
      else setLoadError(reply.error);
    });
  }, [client, kind, take]);

  useEffect(() => load(), [load]);
  useEffect(() => {
    // Leaving with a clash still open (a reload, closing the tab, GitLab moving on) keeps both
    // versions, so this tab's work is not lost unasked. Only leaving: a switch to the other tab to
    // compare leaves the choice open.
    const keepBothIfClash = () => live.current.clash && take(live.current.clash, live.current.join);
    const off = client.onPageHide((leaving) => {
      if (leaving) keepBothIfClash();
      void flush(true);
    });
    return () => {
      off();
      keepBothIfClash();
      void flush();
    };
  }, [client, flush, take]);

  const update = useCallback((change: (d: DraftData<K>) => DraftData<K>) => {
    const state = live.current;
    state.data = change(state.data);
    state.dirty = true;
    const next = state.data;
    setData(() => next);
    if (state.blocked) return;
    setStatus('unsaved');
    clearTimeout(state.timer);
    if (!state.held) state.timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);

  const hold = useCallback((on: boolean) => {
    live.current.held = on;
    // Typed meanwhile: saved as any typing is.
    if (!on && live.current.dirty) update((d) => d);
  }, [update]);

  const resolveConflict = useCallback((keep: 'mine' | 'theirs' | 'both') => {
    if (conflict) take(conflict, keep === 'theirs' ? undefined : keep === 'mine' ? (mine) => mine : live.current.join);
  }, [conflict, take]);

  return {
    loading, loadError, data, status, saveError, conflict, update, flush, resolveConflict,
    reload: () => load(),
    take,
    hold,
    revision: meta.revision, savedAt: meta.savedAt, published: meta.published,
    setPublished: (mark) => setMeta((m) => ({ ...m, published: mark })),
  };
}
