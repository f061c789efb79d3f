// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { SAVE_DELAY_MS, useDraft } from '@/components/drafts/use-draft';
import type { DraftClient } from '@/components/drafts/draft-client';
import type { Draft, DraftSaveResult } from '@/lib/drafts';
import type { Result } from '@/lib/messaging';
import { emptyTimelineDraft, type TimelineDraftData } from '@/lib/timeline-draft';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/**
 * The worker's store as the hook meets it: saves are applied in the order sent, each only on top of
 * the stored revision. Answers wait until `answer()`, as they do while a page is being left.
 */
function slowStore() {
  const stored = { revision: 0, data: null as TimelineDraftData | null };
  const answers: (() => void)[] = [];
  const hide: ((leaving: boolean) => void)[] = [];
  const client: DraftClient = {
    loadDraft: async () => ({ ok: true, data: { kind: 'timeline', revision: 0, savedAt: null, data: null, published: null } }) as never,
    saveDraft: vi.fn((draft: Draft, base: number) => {
      const result: DraftSaveResult = base === stored.revision
        ? { status: 'saved', revision: (stored.revision += 1), savedAt: '2025-03-05T12:00:00.000Z' }
        : { status: 'conflict', current: { kind: 'timeline', revision: stored.revision, savedAt: null, data: stored.data, published: null } };
      if (result.status === 'saved') stored.data = draft.data as TimelineDraftData;
      return new Promise<Result<DraftSaveResult>>((resolve) => answers.push(() => resolve({ ok: true, data: result })));
    }),
    onPageHide: (callback) => {
      hide.push(callback);
      return () => undefined;
    },
  };
  return { client, stored, answerAll: () => answers.splice(0).forEach((answer) => answer()), hide: (leaving = true) => hide.forEach((callback) => callback(leaving)) };
}

const keepMine = (mine: TimelineDraftData) => mine;
const withText = (text: string) => (data: TimelineDraftData): TimelineDraftData => ({ ...data, form: { id: '', date: '2025-03-04', time: '10:32', text, link: '', tag: '' } });

describe('useDraft', () => {
  it('sends what was typed at once when the page is left while a save is still on its way, on top of the revision that save makes', async () => {
    const store = slowStore();
    const { result } = renderHook(() => useDraft(store.client, 'timeline', emptyTimelineDraft, keepMine));
    await waitFor(() => expect(result.current.loading).toBe(false));
    vi.useFakeTimers();
    act(() => result.current.update(withText('Customer reports')));
    act(() => void vi.advanceTimersByTime(SAVE_DELAY_MS)); // the debounced save goes out; its answer has not come back
    expect(store.client.saveDraft).toHaveBeenCalledTimes(1);
    act(() => result.current.update(withText('Customer reports 500s since the upgrade')));
    store.hide(); // a reload: no answer reaches this page any more, so nothing may wait for one
    expect(store.client.saveDraft).toHaveBeenCalledTimes(2);
    expect(vi.mocked(store.client.saveDraft).mock.calls[1]![1]).toBe(1);
    expect(store.stored).toEqual({ revision: 2, data: expect.objectContaining({ form: expect.objectContaining({ text: 'Customer reports 500s since the upgrade' }) }) });
    // Were the page to stay (a switch to another tab), both answers arrive and the draft reads as saved.
    vi.useRealTimers();
    await act(async () => store.answerAll());
    await waitFor(() => expect(result.current.status).toBe('saved'));
    expect(result.current.revision).toBe(2);
  });

  it('while the page stays, a second save waits for the answer to the first and starts from the revision it made', async () => {
    const store = slowStore();
    const { result } = renderHook(() => useDraft(store.client, 'timeline', emptyTimelineDraft, keepMine));
    await waitFor(() => expect(result.current.loading).toBe(false));
    act(() => result.current.update(withText('first')));
    const first = result.current.flush();
    act(() => result.current.update(withText('second')));
    const second = result.current.flush();
    expect(store.client.saveDraft).toHaveBeenCalledTimes(1);
    await act(async () => store.answerAll());
    await waitFor(() => expect(store.client.saveDraft).toHaveBeenCalledTimes(2));
    await act(async () => store.answerAll());
    await Promise.all([first, second]);
    expect(vi.mocked(store.client.saveDraft).mock.calls.map(([, base]) => base)).toEqual([0, 1]);
    expect(store.stored).toEqual({ revision: 2, data: expect.objectContaining({ form: expect.objectContaining({ text: 'second' }) }) });
  });
});
