import { describe, expect, it } from 'vitest';
import { retroChecklist, type ChecklistInput } from '@/lib/retro/checklist';
import { DEFAULT_LABELS } from '@/lib/retro/labels';
import type { Finding } from '@/lib/retro/findings';

const finding = (over: Partial<Finding>): Finding => ({ id: 'f1', list: 'couldBeBetter', text: 'Escalation took 2 hours', state: 'open', ...over });
const input = (over: Partial<ChecklistInput> = {}): ChecklistInput => ({
  labels: ['retro'],
  dueDate: null,
  assigneeUsernames: ['sam-support'],
  manager: 'maria-manager',
  labelNames: { ...DEFAULT_LABELS },
  timelineEntries: 0,
  findings: [],
  ...over,
});
const done = (over: Partial<ChecklistInput>) => Object.fromEntries(retroChecklist(input(over)).steps.map((step) => [step.id, step.done]));

describe('retroChecklist', () => {
  it('ticks each handbook step from GitLab and the draft', () => {
    expect(done({ labels: [] })).toMatchObject({ 'retro-label': false, timeline: false, 'went-well': false });
    expect(done({ timelineEntries: 3, findings: [finding({ list: 'wentWell', text: 'Fast triage' }), finding({ type: 'no-action', reason: 'rare' }), finding({ list: 'suggestions', type: 'no-action', reason: 'x' })] }))
      .toEqual({ 'retro-label': true, timeline: true, 'went-well': true, 'could-be-better': true, suggestions: true });
  });

  it('blank findings do not count as recorded', () => {
    expect(done({ findings: [finding({ list: 'wentWell', text: '   ' })] })['went-well']).toBe(false);
  });

  it('highlights Apply exactly when open items exist and retro-actions are not applied', () => {
    const open = [finding({ list: 'openQuestions', text: 'Who owns Geo docs?' })];
    expect(retroChecklist(input({ findings: open })).highlightApply).toBe(true);
    expect(retroChecklist(input({ findings: open })).steps.at(-1)).toMatchObject({ id: 'retro-actions', done: false });
    const applied = input({ findings: open, labels: ['retro', 'retro-actions'], dueDate: '2026-12-10', assigneeUsernames: ['sam-support', 'maria-manager'] });
    expect(retroChecklist(applied)).toMatchObject({ highlightApply: false, retroActionsApplied: true, openItems: 1 });
    expect(retroChecklist(input({ findings: [finding({ state: 'done' })] })).highlightApply).toBe(false);
  });

  it('no open items: no retro-actions step, nothing highlighted', () => {
    const declined = [finding({ type: 'no-action', reason: 'not worth it now' })];
    const result = retroChecklist(input({ findings: declined }));
    expect(result.highlightApply).toBe(false);
    expect(result.steps.map((step) => step.id)).not.toContain('retro-actions');
  });

  it('a finding with a follow-up issue is no longer open', () => {
    const followed = [finding({ type: 'bug', followUp: { reference: 'g/p#1', webUrl: 'https://gitlab.com/g/p/-/issues/1', kind: 'created' } })];
    expect(retroChecklist(input({ findings: followed })).openItems).toBe(0);
  });
});
