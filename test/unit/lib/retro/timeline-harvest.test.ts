import { describe, expect, it } from 'vitest';
import { harvestCandidates, plainText } from '@/lib/retro/timeline-harvest';
import { RETRO_NOTES_MARKER } from '@/lib/retro/retro-notes';
import { knownSources } from '@/lib/retro/timeline-entry';
import { TIMELINE_MARKER } from '@/lib/retro/timeline-markdown';
import type { HarvestLabelEvent, HarvestNote } from '@/lib/retro/timeline-harvest';
import { apiFixture } from '../../helpers/gitlab-fixtures';

const notes = apiFixture<HarvestNote[]>('list-issue-notes.json');
const labelEvents = apiFixture<HarvestLabelEvent[]>('list-issue-resource-label-events.json');

const URL = 'https://gitlab.com/g/p/-/issues/1';

describe('import candidates from notes and label events', () => {
  it("turns GitLab's documented notes and label events into candidates sorted by time", () => {
    const candidates = harvestCandidates(notes, labelEvents, URL, new Set());
    expect(candidates.map((c) => [c.source, c.at, c.author, c.kind, c.excerpt])).toEqual([
      ['note:302', '2013-10-02T09:22:45.000Z', 'pipin', 'system', 'closed'],
      ['note:305', '2013-10-02T09:56:03.000Z', 'pipin', 'system', 'Text of the comment'],
      ['label-event:142', '2018-08-20T13:38:20.077Z', 'root', 'label', 'added label ~"a1"'],
      ['label-event:143', '2018-08-20T13:38:20.077Z', 'root', 'label', 'removed label ~"p1"'],
    ]);
    expect(candidates[0]!.text).toBe('@pipin closed');
  });

  it('skips what is already in the timeline and our own timeline comment; links comments to their note', () => {
    const ours = { id: 9, body: `${TIMELINE_MARKER}\n| table |`, system: false, created_at: '2025-01-01T00:00:00Z', author: { username: 'me' } };
    const comment = { id: 10, body: '**Paged** infra, see [runbook](https://x)', system: false, created_at: '2025-01-01T00:01:00Z', author: { username: 'sam' } };
    const candidates = harvestCandidates([ours, comment, ...notes], labelEvents, URL, new Set(['note:302', 'label-event:142']));
    expect(candidates.map((c) => c.source)).toEqual(['note:305', 'label-event:143', 'note:10']);
    expect(candidates.at(-1)).toMatchObject({ excerpt: 'Paged infra, see runbook', text: '@sam: Paged infra, see runbook', link: `${URL}#note_10` });
  });

  it('marks a candidate from an internal note as internal', () => {
    const secret = { id: 11, body: 'Customer shared their license key', system: false, internal: true, created_at: '2025-01-01T00:02:00Z', author: { username: 'sam' } };
    const [candidate] = harvestCandidates([secret], [], URL, new Set());
    expect(candidate).toMatchObject({ source: 'note:11', internal: true });
    // GitLab's documented example: note 305 is internal ("confidential": true), note 302 is not.
    expect(harvestCandidates(notes, [], URL, new Set()).map((c) => [c.source, c.internal ?? false])).toEqual([['note:302', false], ['note:305', true]]);
  });

  it('skips the retro notes comment, which repeats the timeline; reads times written with an offset as UTC, in order', () => {
    const retroNotes = { id: 20, body: `## Customer emergency retro\n\n| Time (UTC) | Event |\n\n${RETRO_NOTES_MARKER}`, system: false, created_at: '2025-03-04T08:00:00Z', author: { username: 'lee' } };
    const east = { id: 21, body: 'restarted', system: false, created_at: '2025-03-04T12:00:00.000+02:00', author: { username: 'sam' } };
    const west = { id: 22, body: 'paged', system: false, created_at: '2025-03-04T09:30:00Z', author: { username: 'sam' } };
    expect(harvestCandidates([retroNotes, east, west], [], URL, new Set()).map((c) => [c.source, c.at])).toEqual([
      ['note:22', '2025-03-04T09:30:00.000Z'],
      ['note:21', '2025-03-04T10:00:00.000Z'],
    ]);
  });

  it('skips a note the timeline has already as an entry taken in from a posted comment, which knows no source', () => {
    const note = { id: 30, body: 'Paged infra', system: false, created_at: '2025-03-04T09:30:41Z', author: { username: 'sam' } };
    const takenIn = { id: 'x', at: '2025-03-04T09:30:00.000Z', text: '@sam: Paged infra' };
    expect(harvestCandidates([note], [], URL, knownSources([takenIn]))).toEqual([]);
    expect(harvestCandidates([note], [], URL, knownSources([{ ...takenIn, text: '@sam: Paged infra again' }]))).toHaveLength(1);
  });

  it('reads a backslash-escaped character as that character, and leaves code as written', () => {
    expect(plainText('\\*not emphasis\\* and \\_x\\_, `a\\*b`, C:\\tmp')).toBe('*not emphasis* and _x_, a\\*b, C:\\tmp');
    expect(plainText('a \uE02A literal, \\*x\\*')).toBe('a \uE02A literal, \\x\\');
  });

  it('takes a link whose URL holds parentheses as one link', () => {
    expect(plainText('see [x](javascript:alert(1)) and [Geo](https://en.wikipedia.org/wiki/Geo_(disambiguation)), ![s](a_(1).png)')).toBe('see x and Geo, [image s]');
  });

  it('keeps list items apart when a note is folded into one line', () => {
    expect(plainText('Workaround provided:\n1. restart the Geo log cursor\n2. resync the failed projects\n\n- then\n* check'))
      .toBe('Workaround provided: 1. restart the Geo log cursor 2. resync the failed projects • then • check');
  });

  it('shortens long notes to an excerpt and strips markdown noise', () => {
    expect(plainText('## Title\n> quote\n```\ncode\n```\n![img](a.png) _it_')).toBe('Title quote [code] [image img] it');
    expect(plainText('**Restarted** __puma__ and *sidekiq*, ~~not~~ gitaly')).toBe('Restarted puma and sidekiq, not gitaly');
    // Markers inside words, code and paths are the text itself.
    expect(plainText('set `gitlab_rails[\'env\']` in gitlab_rails/production_json.log; SELECT * FROM ci_builds; see ~/notes, 2*3*4'))
      .toBe("set gitlab_rails['env'] in gitlab_rails/production_json.log; SELECT * FROM ci_builds; see ~/notes, 2*3*4");
    expect(plainText('ran ``a ` b`` then `*x*`')).toBe('ran a ` b then *x*');
    // Double underscores inside a word are no emphasis either; after a slash they are, as GitLab shows them.
    expect(plainText('foo__bar__baz and window.__xss__y; see app/__init__.py')).toBe('foo__bar__baz and window.__xss__y; see app/init.py');
    const long = harvestCandidates([{ id: 1, body: 'x'.repeat(1000), system: false, created_at: '2025-01-01T00:00:00Z' }], [], URL, new Set());
    expect(long[0]!.excerpt).toHaveLength(140);
    expect(long[0]!.text).toHaveLength(500);
  });
});
