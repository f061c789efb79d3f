import { describe, expect, it } from 'vitest';
import { shorten } from '@/lib/retro/shorten';
import { combineTimelineDrafts, fitTranscript, TIMELINE_MAX } from '@/lib/timeline-draft';

describe('shorten', () => {
  it('keeps short text, cuts long text with an ellipsis, and never splits an emoji', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('a long sentence here', 10)).toBe('a long se…');
    const cut = shorten(`${'x'.repeat(8)}🎉🎉`, 10); // the cut would fall inside the first 🎉
    expect(cut).toBe(`${'x'.repeat(8)}…`);
    expect(cut.length).toBeLessThanOrEqual(10);
  });
});

describe('fitTranscript', () => {
  it('turns messages into "Name: text" entries and shortens what an entry cannot hold, counting it', () => {
    const trace = `Error: boom\n${'  at frame\n'.repeat(1000)}`;
    let id = 0;
    const { entries, unplaced, shortened } = fitTranscript(
      [{ line: 1, at: Date.parse('2025-03-04T10:32:00Z'), author: 'Sam Support', text: 'paged' }, { line: 3, at: Date.parse('2025-03-04T10:33:00Z'), text: trace }],
      [{ line: 9, text: 'x'.repeat(TIMELINE_MAX.text + 1), reason: 'no time on this line' }],
      () => `e${(id += 1)}`,
    );
    expect(entries[0]).toEqual({ id: 'e1', at: '2025-03-04T10:32:00.000Z', text: 'Sam Support: paged' });
    expect(entries[1]!.text.length).toBeLessThanOrEqual(TIMELINE_MAX.text);
    expect(entries[1]!.text.endsWith('…')).toBe(true);
    expect(unplaced[0]!.text.length).toBeLessThanOrEqual(TIMELINE_MAX.text);
    expect(shortened).toBe(2);
  });
});

describe('combineTimelineDrafts', () => {
  it('keeps mine and adds what only theirs has: an entry added in both tabs, or a line both read, appears once', () => {
    const mine = { entries: [{ id: 'm', at: '2025-03-04T10:00:00.000Z', text: 'paged', tag: 'Escalated' }], unplaced: [{ line: 2, text: 'x', reason: 'r' }], form: null };
    const theirs = {
      entries: [{ id: 't', at: '2025-03-04T10:00:20.000Z', text: 'paged' }, { id: 'm', at: '2025-03-04T09:00:00.000Z', text: 'paged (their edit)' }, { id: 'u', at: '2025-03-04T08:00:00.000Z', text: 'alert' }],
      unplaced: [{ line: 2, text: 'x', reason: 'r' }, { line: 5, text: 'y', reason: 'r' }],
      form: null,
    };
    const both = combineTimelineDrafts(mine, theirs);
    expect(both.entries.map((e) => [e.id, e.text])).toEqual([['u', 'alert'], ['m', 'paged']]);
    expect(both.unplaced.map((l) => l.line)).toEqual([2, 5]);
    expect(combineTimelineDrafts(mine, null)).toBe(mine);
    expect(combineTimelineDrafts(mine, theirs, new Set(['u'])).entries.map((e) => e.id)).toEqual(['m']);
    // Their typing comes along: a half-typed entry when this tab has none, and an unread paste beside this one's.
    const form = { id: '', date: '2025-03-04', time: '', text: 'half typed there', link: '', tag: '' };
    expect(combineTimelineDrafts({ ...mine, paste: 'mine' }, { ...theirs, form, paste: 'theirs' })).toMatchObject({ form, paste: 'mine\ntheirs' });
    expect(combineTimelineDrafts({ ...mine, paste: 'same' }, { ...theirs, paste: 'same' }).paste).toBe('same');
  });
});
