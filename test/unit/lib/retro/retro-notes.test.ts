import { describe, expect, it } from 'vitest';
import { RETRO_NOTES_MARKER, retroNotesMarkdown } from '@/lib/retro/retro-notes';
import type { Finding } from '@/lib/retro/findings';

const findings: Finding[] = [
  { id: 'f1', list: 'wentWell', text: 'Fast triage by @sam', state: 'open' },
  { id: 'f2', list: 'couldBeBetter', text: 'Geo docs | unclear\nabout replication', type: 'bug', state: 'open', followUp: { reference: 'gitlab-org/gitlab#100', webUrl: 'https://gitlab.com/gitlab-org/gitlab/-/issues/100', kind: 'created' } },
  { id: 'f3', list: 'suggestions', text: 'Add a runbook', type: 'kb-article', owner: '@lee-lead', state: 'done' },
  { id: 'f4', list: 'suggestions', text: 'Rewrite Geo', type: 'no-action', reason: 'Too big for now', state: 'open' },
  { id: 'f5', list: 'openQuestions', text: '   ', state: 'open' },
];

describe('retroNotesMarkdown', () => {
  const notes = retroNotesMarkdown({ timelineMarkdown: '| Time | Event |\n| --- | --- |\n| 10:00 | Page |', findings, retroActions: 'retro-actions applied: due 10 Dec 2026, owner @maria-manager', lead: 'lee-lead' });

  it('has every section, in the handbook order, and the marker last', () => {
    const headings = notes.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual(['## Customer emergency retro', '### Timeline', '### What went well', '### What could have gone better', '### Suggestions', '### Open questions', '### Decisions']);
    expect(notes.trim().endsWith(RETRO_NOTES_MARKER)).toBe(true);
  });

  it('lists findings on one line each, with follow-up links, owners and state, escaped', () => {
    expect(notes).toContain('- [ ] Geo docs \\| unclear about replication (follow-up gitlab-org/gitlab#100)');
    expect(notes).toContain('- [x] Add a runbook (new knowledge-base article; owner @\u200blee-lead; done)');
    // What went well is a plain point: no box nobody would ever tick.
    expect(notes).toContain('\n- Fast triage by @\u200bsam');
    expect(notes).toContain('_Nothing recorded._'); // open questions: only a blank finding
  });

  it('records "not worth solving now" with its reason, and retro-actions, as decisions', () => {
    expect(notes).toContain('- Not worth solving now: Rewrite Geo. Why: Too big for now');
    expect(notes).toContain('retro-actions applied');
    expect(notes).not.toContain('- [ ] Rewrite Geo');
  });

  it('a list whose findings were all set aside points at Decisions instead of saying nothing was recorded', () => {
    const setAside = retroNotesMarkdown({ timelineMarkdown: '', findings: [findings[3]!], retroActions: null, lead: null });
    const section = setAside.split('### Suggestions')[1]!.split('###')[0]!;
    expect(section.trim()).toBe('_Only findings not worth solving now: see Decisions._');
  });

  it('says when there is no timeline yet', () => {
    expect(retroNotesMarkdown({ timelineMarkdown: '', findings: [], retroActions: null, lead: null })).toContain('_No timeline recorded._');
  });
});
