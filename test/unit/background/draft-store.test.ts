import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDraft, markPublished, removeDraft, saveDraft } from '@/entrypoints/background/draft-store';
import { emptyTimelineDraft } from '@/lib/timeline-draft';

const KEY = 'https://gitlab.com/group/project#1';
const NOW = new Date('2025-03-05T12:00:00Z');
const draft = (text: string) => ({ kind: 'timeline' as const, data: { ...emptyTimelineDraft(), entries: [{ id: 'a', at: '2025-03-04T09:32:00.000Z', text }] } });

beforeEach(() => fakeBrowser.reset());

describe('draft store', () => {
  it('keeps drafts per issue: another issue or instance starts empty', async () => {
    await saveDraft(KEY, draft('one'), 0, NOW);
    expect((await loadDraft('timeline', KEY)).data?.entries[0]?.text).toBe('one');
    expect(await loadDraft('timeline', 'https://gitlab.com/group/project#2')).toMatchObject({ revision: 0, data: null });
    expect(await loadDraft('timeline', 'https://gitlab.example.com/group/project#1')).toMatchObject({ revision: 0, data: null });
  });

  it('marks a publish only for the revision still stored, and keeps the mark across later saves', async () => {
    await saveDraft(KEY, draft('one'), 0, NOW);
    const mark = { revision: 1, noteId: 5, noteUrl: 'https://gitlab.com/group/project/-/issues/1#note_5', at: NOW.toISOString() };
    expect(await markPublished('timeline', KEY, { ...mark, revision: 2 })).toBe(false);
    expect(await markPublished('timeline', KEY, mark)).toBe(true);
    await saveDraft(KEY, draft('two'), 1, NOW);
    expect(await loadDraft('timeline', KEY)).toMatchObject({ revision: 2, published: mark });
  });

  it('removes a draft only at the revision GitLab confirmed', async () => {
    await saveDraft(KEY, draft('one'), 0, NOW);
    await saveDraft(KEY, draft('two'), 1, NOW);
    expect(await removeDraft('timeline', KEY, 1)).toBe(false);
    expect((await loadDraft('timeline', KEY)).revision).toBe(2);
    expect(await removeDraft('timeline', KEY, 2)).toBe(true);
    expect(await loadDraft('timeline', KEY)).toMatchObject({ revision: 0, data: null });
  });
});
