import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDraft, markPublished, pruneDrafts, recordSent, removeDraft, saveDraft, wasSentFromHere } from '@/entrypoints/background/draft-store';
import { storage } from 'wxt/utils/storage';
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

  it('marks a publish of a revision it has (an edit saved meanwhile keeps the mark), never an older one over a newer', async () => {
    await saveDraft(KEY, draft('one'), 0, NOW);
    const mark = { revision: 1, noteId: 5, noteUrl: 'https://gitlab.com/group/project/-/issues/1#note_5', at: NOW.toISOString() };
    expect(await markPublished('timeline', KEY, { ...mark, revision: 2 })).toBe(false);
    await saveDraft(KEY, draft('two'), 1, NOW);
    expect(await markPublished('timeline', KEY, mark)).toBe(true);
    expect(await loadDraft('timeline', KEY)).toMatchObject({ revision: 2, published: mark });
    expect(await markPublished('timeline', KEY, { ...mark, revision: 2 })).toBe(true);
    expect(await markPublished('timeline', KEY, mark)).toBe(false);
    await saveDraft(KEY, draft('three'), 2, NOW);
    expect(await loadDraft('timeline', KEY)).toMatchObject({ revision: 3, published: { ...mark, revision: 2 } });
  });

  it('knows a comment body it sent, across later saves, and no other', async () => {
    await saveDraft(KEY, draft('one'), 0, NOW);
    expect(await wasSentFromHere('timeline', KEY, 'body')).toBe(false);
    await recordSent('timeline', KEY, 'body');
    await saveDraft(KEY, draft('two'), 1, NOW);
    expect(await wasSentFromHere('timeline', KEY, 'body')).toBe(true);
    expect(await wasSentFromHere('timeline', KEY, 'body ')).toBe(false);
    expect(await wasSentFromHere('findings', KEY, 'body')).toBe(false);
  });

  it('removes a draft only at the revision it was asked for', async () => {
    await saveDraft(KEY, draft('one'), 0, NOW);
    await saveDraft(KEY, draft('two'), 1, NOW);
    expect(await removeDraft('timeline', KEY, 1)).toBe(false);
    expect((await loadDraft('timeline', KEY)).revision).toBe(2);
    expect(await removeDraft('timeline', KEY, 2)).toBe(true);
    expect(await loadDraft('timeline', KEY)).toMatchObject({ revision: 0, data: null });
  });

  it('prunes only drafts GitLab has: posted, unchanged since, and that post over 30 days old', async () => {
    const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
    const posted = (key: string, daysAgo: number) => saveDraft(key, draft('posted'), 0, days(daysAgo))
      .then(() => markPublished('timeline', key, { revision: 1, noteId: 5, noteUrl: 'https://gitlab.com/x#note_5', at: days(daysAgo).toISOString() }));
    await posted('https://gitlab.com/g/p#1', 31); // GitLab has it, a month ago: goes
    await posted('https://gitlab.com/g/p#2', 10); // posted recently: stays
    await saveDraft('https://gitlab.com/g/p#3', draft('never posted'), 0, days(400)); // GitLab never had it: stays
    await posted('https://gitlab.com/g/p#5', 40);
    await saveDraft('https://gitlab.com/g/p#5', draft('edited after posting'), 1, days(39)); // changed since posted: stays
    await storage.setItem('local:settings', { untouched: true });
    expect(await pruneDrafts(NOW)).toBe(1);
    const left = Object.keys(await storage.snapshot('local')).sort();
    expect(left).toEqual(['draft:timeline:https://gitlab.com/g/p#2', 'draft:timeline:https://gitlab.com/g/p#3', 'draft:timeline:https://gitlab.com/g/p#5', 'settings']);
  });
});
