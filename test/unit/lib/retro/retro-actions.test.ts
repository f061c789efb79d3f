import { describe, expect, it } from 'vitest';
import {
  isRetroActionsApplied,
  planRetroActions,
  planUndo,
  recordOfApply,
  type AppliedRecord,
  type IssueSnapshot,
} from '@/lib/retro/retro-actions';

const LABEL = 'retro-actions';
const MANAGER = 42;
const ENGINEER = 9;
const IN_A_WEEK = '2025-03-15';
const AT = new Date(Date.UTC(2025, 2, 8, 12, 0, 0));

const fresh: IssueSnapshot = { labels: ['retro', 'customer'], dueDate: null, assigneeIds: [ENGINEER] };

/** The issue as GitLab has it right after a plan was applied. */
function afterApplying(before: IssueSnapshot): IssueSnapshot {
  const plan = planRetroActions(before, LABEL, MANAGER, IN_A_WEEK);
  return {
    labels: plan.addsLabel ? [...before.labels, LABEL] : before.labels,
    dueDate: plan.update.due_date ?? before.dueDate,
    assigneeIds: plan.update.assignee_ids ?? before.assigneeIds,
  };
}

function applied(before: IssueSnapshot): { record: AppliedRecord; after: IssueSnapshot } {
  const plan = planRetroActions(before, LABEL, MANAGER, IN_A_WEEK);
  return { record: recordOfApply(before, plan, LABEL, MANAGER, AT), after: afterApplying(before) };
}

describe('planRetroActions', () => {
  it('on a fresh issue adds the label, sets the given due date and appends the manager to the assignees', () => {
    const plan = planRetroActions(fresh, LABEL, MANAGER, IN_A_WEEK);
    expect(plan).toEqual({
      alreadyApplied: false,
      addsLabel: true,
      dueDate: IN_A_WEEK,
      changesDueDate: true,
      addsManager: true,
      update: { add_labels: LABEL, due_date: IN_A_WEEK, assignee_ids: [ENGINEER, MANAGER] },
    });
  });

  it('keeps every existing assignee (assignee_ids replaces the list) and adds the manager last', () => {
    const plan = planRetroActions({ ...fresh, assigneeIds: [3, 1, 7] }, LABEL, MANAGER, IN_A_WEEK);
    expect(plan.update.assignee_ids).toEqual([3, 1, 7, MANAGER]);
  });

  it('with no assignees at all assigns just the manager', () => {
    expect(planRetroActions({ ...fresh, assigneeIds: [] }, LABEL, MANAGER, IN_A_WEEK).update.assignee_ids).toEqual([MANAGER]);
  });

  it('does not mutate the snapshot it was given', () => {
    const assigneeIds = [ENGINEER];
    planRetroActions({ ...fresh, assigneeIds }, LABEL, MANAGER, IN_A_WEEK).update.assignee_ids?.push(99);
    expect(assigneeIds).toEqual([ENGINEER]);
  });

  it('already applied: empty update and alreadyApplied', () => {
    const issue: IssueSnapshot = { labels: ['retro', LABEL], dueDate: '2025-03-20', assigneeIds: [ENGINEER, MANAGER] };
    const plan = planRetroActions(issue, LABEL, MANAGER, IN_A_WEEK);
    expect(plan.alreadyApplied).toBe(true);
    expect(plan.update).toEqual({});
    expect(plan.addsLabel).toBe(false);
    expect(plan.addsManager).toBe(false);
    expect(plan.changesDueDate).toBe(false);
    expect(plan.dueDate).toBe('2025-03-20');
  });

  it('matches the label case-insensitively, as GitLab does', () => {
    const issue: IssueSnapshot = { labels: ['Retro-Actions'], dueDate: '2025-03-20', assigneeIds: [MANAGER] };
    expect(planRetroActions(issue, LABEL, MANAGER, IN_A_WEEK).alreadyApplied).toBe(true);
  });

  it('label present with an existing due date keeps that date', () => {
    const issue: IssueSnapshot = { labels: [LABEL], dueDate: '2025-04-01', assigneeIds: [ENGINEER] };
    const plan = planRetroActions(issue, LABEL, MANAGER, IN_A_WEEK);
    expect(plan.alreadyApplied).toBe(false);
    expect(plan.addsLabel).toBe(false);
    expect(plan.dueDate).toBe('2025-04-01');
    expect(plan.changesDueDate).toBe(false);
    expect(plan.update.due_date).toBe('2025-04-01');
    expect(plan.update.assignee_ids).toEqual([ENGINEER, MANAGER]);
  });

  it('a due date set without the label is replaced by one week out', () => {
    const plan = planRetroActions({ ...fresh, dueDate: '2025-12-24' }, LABEL, MANAGER, IN_A_WEEK);
    expect(plan.dueDate).toBe(IN_A_WEEK);
    expect(plan.changesDueDate).toBe(true);
  });

  it('label and manager present but no due date: only the date is missing, so it is not applied yet', () => {
    const issue: IssueSnapshot = { labels: [LABEL], dueDate: null, assigneeIds: [MANAGER] };
    const plan = planRetroActions(issue, LABEL, MANAGER, IN_A_WEEK);
    expect(plan.alreadyApplied).toBe(false);
    expect(plan.addsManager).toBe(false);
    expect(plan.update).toMatchObject({ due_date: IN_A_WEEK, assignee_ids: [MANAGER] });
  });
});

describe('isRetroActionsApplied', () => {
  it('needs the label, a due date and the manager', () => {
    const done: IssueSnapshot = { labels: [LABEL], dueDate: IN_A_WEEK, assigneeIds: [MANAGER] };
    expect(isRetroActionsApplied(done, LABEL, MANAGER)).toBe(true);
    expect(isRetroActionsApplied({ ...done, labels: [] }, LABEL, MANAGER)).toBe(false);
    expect(isRetroActionsApplied({ ...done, dueDate: null }, LABEL, MANAGER)).toBe(false);
    expect(isRetroActionsApplied({ ...done, assigneeIds: [ENGINEER] }, LABEL, MANAGER)).toBe(false);
  });
});

describe('recordOfApply', () => {
  it('records what the apply changed, with an ISO timestamp (plain JSON)', () => {
    const { record } = applied(fresh);
    expect(record).toEqual({
      label: LABEL,
      addedLabel: true,
      previousDueDate: null,
      appliedDueDate: IN_A_WEEK,
      addedManagerId: MANAGER,
      appliedAt: '2025-03-08T12:00:00.000Z',
    });
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('records no manager and no label when they were already there', () => {
    const before: IssueSnapshot = { labels: [LABEL], dueDate: null, assigneeIds: [MANAGER] };
    const { record } = applied(before);
    expect(record.addedLabel).toBe(false);
    expect(record.addedManagerId).toBeNull();
  });
});

describe('planUndo', () => {
  it('right after an apply reverts all three changes', () => {
    const { record, after } = applied(fresh);
    expect(planUndo(record, after)).toEqual({ remove_labels: LABEL, due_date: null, assignee_ids: [ENGINEER] });
  });

  it('restores the previous due date rather than clearing it', () => {
    const before = { ...fresh, dueDate: '2025-01-01' };
    const { record, after } = applied(before);
    expect(planUndo(record, after)?.due_date).toBe('2025-01-01');
  });

  it('does not re-remove a label someone else already removed', () => {
    const { record, after } = applied(fresh);
    const update = planUndo(record, { ...after, labels: after.labels.filter((l) => l !== LABEL) });
    expect(update).not.toBeNull();
    expect(update).not.toHaveProperty('remove_labels');
  });

  it('keeps a due date someone changed since', () => {
    const { record, after } = applied(fresh);
    const update = planUndo(record, { ...after, dueDate: '2025-03-31' });
    expect(update).not.toHaveProperty('due_date');
    expect(update).toMatchObject({ remove_labels: LABEL, assignee_ids: [ENGINEER] });
  });

  it('keeps assignees added since and removes only the manager', () => {
    const { record, after } = applied(fresh);
    const update = planUndo(record, { ...after, assigneeIds: [...after.assigneeIds, 77] });
    expect(update?.assignee_ids).toEqual([ENGINEER, 77]);
  });

  it('does not touch what the apply did not change (label and manager were already there)', () => {
    const before: IssueSnapshot = { labels: [LABEL], dueDate: null, assigneeIds: [ENGINEER, MANAGER] };
    const { record, after } = applied(before);
    expect(planUndo(record, after)).toEqual({ due_date: null });
  });

  it('nothing left to revert → null', () => {
    const { record } = applied(fresh);
    expect(planUndo(record, { labels: ['retro'], dueDate: '2025-04-04', assigneeIds: [ENGINEER] })).toBeNull();
  });

  it('an apply that changed nothing has nothing to undo', () => {
    const before: IssueSnapshot = { labels: [LABEL], dueDate: '2025-04-01', assigneeIds: [MANAGER] };
    const plan = planRetroActions(before, LABEL, MANAGER, IN_A_WEEK);
    expect(planUndo(recordOfApply(before, plan, LABEL, MANAGER, AT), before)).toBeNull();
  });
});
