/**
 * The handbook's step 5 as data: add `retro-actions`, set the due date one week out and assign
 * the responding engineer's manager, in one issue update, and undo exactly what that changed.
 */
import { hasLabel } from './labels';

export interface IssueSnapshot {
  labels: readonly string[];
  dueDate: string | null;
  assigneeIds: readonly number[];
}

/** The body of `PUT /projects/:id/issues/:iid`. `assignee_ids` replaces, so it is merged first. */
export interface IssueUpdate {
  add_labels?: string;
  remove_labels?: string;
  due_date?: string | null;
  assignee_ids?: number[];
}

export interface RetroActionsPlan {
  alreadyApplied: boolean;
  addsLabel: boolean;
  /** The due date after the change, and whether it differs from today's. */
  dueDate: string;
  changesDueDate: boolean;
  addsManager: boolean;
  update: IssueUpdate;
}

/** What one apply changed, kept so that Undo reverts that and nothing else. */
export interface AppliedRecord {
  label: string;
  addedLabel: boolean;
  previousDueDate: string | null;
  appliedDueDate: string;
  addedManagerId: number | null;
  appliedAt: string;
}

export function isRetroActionsApplied(issue: IssueSnapshot, label: string, managerId: number): boolean {
  return hasLabel(issue.labels, label) && issue.dueDate !== null && issue.assigneeIds.includes(managerId);
}

/**
 * `dueDateInOneWeek` comes from the caller (local calendar, case C13). A due date that is
 * already set while the label is present is kept: somebody chose it on purpose.
 */
export function planRetroActions(issue: IssueSnapshot, label: string, managerId: number, dueDateInOneWeek: string): RetroActionsPlan {
  const addsLabel = !hasLabel(issue.labels, label);
  const addsManager = !issue.assigneeIds.includes(managerId);
  const dueDate = !addsLabel && issue.dueDate ? issue.dueDate : dueDateInOneWeek;
  const alreadyApplied = isRetroActionsApplied(issue, label, managerId);
  return {
    alreadyApplied,
    addsLabel,
    dueDate,
    changesDueDate: dueDate !== issue.dueDate,
    addsManager,
    update: alreadyApplied
      ? {}
      : { add_labels: label, due_date: dueDate, assignee_ids: addsManager ? [...issue.assigneeIds, managerId] : [...issue.assigneeIds] },
  };
}

/**
 * What an apply changed. Without `after` (GitLab has not answered yet), what it is about to change;
 * with it, what GitLab actually stored (GitLab Free keeps one assignee, so the manager may be missing).
 */
export function recordOfApply(before: IssueSnapshot, plan: RetroActionsPlan, label: string, managerId: number, at: Date, after?: IssueSnapshot): AppliedRecord {
  return {
    label,
    addedLabel: plan.addsLabel && (!after || hasLabel(after.labels, label)),
    previousDueDate: before.dueDate,
    appliedDueDate: after?.dueDate ?? plan.dueDate,
    addedManagerId: plan.addsManager && (!after || after.assigneeIds.includes(managerId)) ? managerId : null,
    appliedAt: at.toISOString(),
  };
}

/**
 * A second apply before any Undo (a retry, or a click after GitLab Free dropped the manager):
 * Undo must still go back to how the issue was before the first one.
 */
export function combineRecords(earlier: AppliedRecord | undefined, later: AppliedRecord): AppliedRecord {
  if (!earlier || earlier.label !== later.label) return later;
  return {
    label: later.label,
    addedLabel: earlier.addedLabel || later.addedLabel,
    previousDueDate: earlier.previousDueDate,
    appliedDueDate: later.appliedDueDate,
    addedManagerId: later.addedManagerId ?? earlier.addedManagerId,
    appliedAt: earlier.appliedAt,
  };
}

/** Reverts only what the apply changed and nobody changed since; `null` when nothing is left to revert. */
export function planUndo(record: AppliedRecord, current: IssueSnapshot): IssueUpdate | null {
  const update: IssueUpdate = {};
  if (record.addedLabel && hasLabel(current.labels, record.label)) update.remove_labels = record.label;
  if (current.dueDate === record.appliedDueDate && record.previousDueDate !== record.appliedDueDate) {
    update.due_date = record.previousDueDate;
  }
  if (record.addedManagerId !== null && current.assigneeIds.includes(record.addedManagerId)) {
    update.assignee_ids = current.assigneeIds.filter((id) => id !== record.addedManagerId);
  }
  return Object.keys(update).length > 0 ? update : null;
}
