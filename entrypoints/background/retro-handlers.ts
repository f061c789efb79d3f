/** The retro panel's requests: load the issue's retro state, apply retro-actions, undo. */
import type { ApplyResult, IssueSummary, PanelData, RequestOf } from '@/lib/messaging';
import type { GitLabIssue } from '@/lib/gitlab/types';
import type { GitLabGateway } from '@/lib/gitlab/gateway';
import { asApiError, GitLabRequestError, mayHaveBeenStored } from '@/lib/gitlab/errors';
import { isEmergencyProject } from '@/lib/gitlab/issue-url';
import { appliedItem, issueKey, knownUsersItem, tokenStatusItem, type Settings } from '@/lib/settings';
import { dueDateOneWeekFrom } from '@/lib/retro/due-date';
import { managerOf } from '@/lib/retro/roster';
import { combineRecords, planRetroActions, planUndo, recordOfApply, type IssueSnapshot } from '@/lib/retro/retro-actions';
import { connect, rosterOf, type BackgroundDeps } from './context';

export function summarize(issue: GitLabIssue): IssueSummary {
  return {
    title: String(issue.title ?? ''),
    webUrl: String(issue.web_url ?? ''),
    issueType: String(issue.issue_type ?? 'issue'),
    labels: Array.isArray(issue.labels) ? issue.labels.map(String) : [],
    dueDate: typeof issue.due_date === 'string' ? issue.due_date : null,
    assignees: (issue.assignees ?? []).map((user) => ({ id: user.id, username: user.username, name: user.name })),
  };
}

const snapshot = (issue: IssueSummary): IssueSnapshot => ({
  labels: issue.labels,
  dueDate: issue.dueDate,
  assigneeIds: issue.assignees.map((user) => user.id),
});

/** `not-configured`: fixed in the options (the roster), so the panel offers to open them. */
function refuse(message: string, kind: 'rejected' | 'not-configured' = 'rejected'): never {
  throw new GitLabRequestError({ kind, status: 0, message });
}

export function requireEmergencyProject(settings: Settings, projectPath: string): void {
  if (!isEmergencyProject(projectPath, settings.emergencyProjects)) {
    refuse(`${projectPath} is not one of your emergency projects. Add it in the options to use the retro panel here.`);
  }
}

/** User ids differ between instances, so the cache is keyed by instance and username. */
async function resolveUser(gateway: GitLabGateway, gitlabUrl: string, username: string) {
  const key = `${new URL(gitlabUrl).origin}/${username.toLowerCase()}`;
  const known = await knownUsersItem.getValue();
  const cached = known[key];
  if (cached) return cached;
  const user = await gateway.findUser(username);
  if (!user) refuse(`GitLab has no user @${username}. Fix the manager roster in the options.`, 'not-configured');
  const summary = { id: user.id, username: user.username, name: user.name };
  await knownUsersItem.setValue({ ...known, [key]: summary });
  return summary;
}

export async function loadRetro(deps: BackgroundDeps, { ref }: RequestOf<'retro:load'>): Promise<PanelData> {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  const [issue, applied, tokenStatus] = await Promise.all([
    gateway.getIssue(ref.projectPath, ref.iid),
    appliedItem.getValue(),
    tokenStatusItem.getValue(),
  ]);
  return {
    issue: summarize(issue),
    labels: settings.labels,
    roster: rosterOf(settings),
    applied: applied[issueKey(settings.gitlabUrl, ref.projectPath, ref.iid)] ?? null,
    canWrite: tokenStatus ? tokenStatus.scopes.includes('api') : true,
  };
}

export async function applyRetroActions(deps: BackgroundDeps, { ref, engineer }: RequestOf<'retro:apply'>): Promise<ApplyResult> {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  const managerName = managerOf(rosterOf(settings), engineer);
  if (!managerName) refuse(`The roster has no manager for @${engineer.replace(/^@/, '')}. Add one in the panel or the options.`, 'not-configured');
  const manager = await resolveUser(gateway, settings.gitlabUrl, managerName);
  // Read the issue fresh: assignee_ids replaces the list, so merge with what GitLab has now.
  const before = summarize(await gateway.getIssue(ref.projectPath, ref.iid));
  const label = settings.labels.retroActions;
  const now = deps.now();
  const plan = planRetroActions(snapshot(before), label, manager.id, dueDateOneWeekFrom(now));
  const key = issueKey(settings.gitlabUrl, ref.projectPath, ref.iid);
  const applied = await appliedItem.getValue();
  if (plan.alreadyApplied) {
    return { issue: before, applied: applied[key] ?? null, alreadyApplied: true, managerDropped: false };
  }
  // Kept before the write too: if GitLab stores it and then answers 502, Undo still knows what changed.
  const earlier = applied[key];
  await appliedItem.setValue({ ...applied, [key]: combineRecords(earlier, recordOfApply(snapshot(before), plan, label, manager.id, now)) });
  let after: IssueSummary;
  try {
    after = summarize(await gateway.editIssue(ref.projectPath, ref.iid, plan.update));
  } catch (error) {
    // GitLab refused (4xx): nothing changed, so nothing new to undo. A 5xx or no answer may hide a stored change.
    if (!mayHaveBeenStored(asApiError(error))) {
      const { [key]: _provisional, ...rest } = await appliedItem.getValue();
      await appliedItem.setValue(earlier ? { ...rest, [key]: earlier } : rest);
    }
    throw error;
  }
  const record = combineRecords(earlier, recordOfApply(snapshot(before), plan, label, manager.id, now, snapshot(after)));
  await appliedItem.setValue({ ...(await appliedItem.getValue()), [key]: record });
  return {
    issue: after,
    applied: record,
    alreadyApplied: false,
    managerDropped: !after.assignees.some((user) => user.id === manager.id),
  };
}

export async function undoRetroActions(deps: BackgroundDeps, { ref }: RequestOf<'retro:undo'>) {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  const key = issueKey(settings.gitlabUrl, ref.projectPath, ref.iid);
  const record = (await appliedItem.getValue())[key];
  if (!record) refuse('There is nothing to undo: this browser has no record of applying retro-actions to this issue.');
  const current = summarize(await gateway.getIssue(ref.projectPath, ref.iid));
  const update = planUndo(record, snapshot(current));
  const issue = update ? summarize(await gateway.editIssue(ref.projectPath, ref.iid, update)) : current;
  const { [key]: _removed, ...rest } = await appliedItem.getValue();
  await appliedItem.setValue(rest);
  return { issue, reverted: update !== null };
}

/** Handbook step 1 from the panel: the `retro` label, in one request. */
export async function addRetroLabel(deps: BackgroundDeps, { ref }: RequestOf<'retro:add-label'>) {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  return { issue: summarize(await gateway.editIssue(ref.projectPath, ref.iid, { add_labels: settings.labels.retro })) };
}
