/**
 * Findings into follow-ups: a new issue in the project configured for its type, linked to the
 * emergency; or a check-in comment on an existing issue. Each finding makes at most one, even
 * across retries after a timeout or a 502 (case C10).
 */
import type { GitLabGateway } from '@/lib/gitlab/gateway';
import type { GitLabIssue } from '@/lib/gitlab/types';
import type { RequestOf, ResponseMap } from '@/lib/messaging';
import { GitLabRequestError, asApiError } from '@/lib/gitlab/errors';
import { parseIssueReference, referenceOf } from '@/lib/gitlab/issue-reference';
import type { IssueRef } from '@/lib/gitlab/issue-ref';
import { followUpsItem, issueKey, type FollowUpRecord } from '@/lib/settings';
import type { Finding, FollowUpLink } from '@/lib/retro/findings';
import { checkInComment, followUpDescription, followUpMarker, followUpTitle, type EmergencyIssue } from '@/lib/retro/follow-up-text';
import { searchTermsFor, similarTitles } from '@/lib/retro/similarity';
import { connect, type BackgroundDeps } from './context';
import { requireEmergencyProject, summarize } from './retro-handlers';

type FindingInput = RequestOf<'followup:create'>['finding'];

async function recordOf(key: string, findingId: string): Promise<FollowUpRecord | undefined> {
  return (await followUpsItem.getValue())[key]?.[findingId];
}

async function remember(key: string, findingId: string, record: FollowUpRecord): Promise<void> {
  const all = await followUpsItem.getValue();
  await followUpsItem.setValue({ ...all, [key]: { ...all[key], [findingId]: record } });
}

async function emergencyOf(gateway: GitLabGateway, ref: IssueRef): Promise<EmergencyIssue> {
  const issue = summarize(await gateway.getIssue(ref.projectPath, ref.iid));
  return { reference: referenceOf(ref), webUrl: issue.webUrl, title: issue.title };
}

const asFinding = (input: FindingInput): Finding => ({ ...input, state: 'open' });

const hasCheckIn = async (gateway: GitLabGateway, on: IssueRef, marker: string) =>
  (await gateway.listNotes(on.projectPath, on.iid, { page: 1, perPage: 100, sort: 'desc' })).items.some((note) => note.body.includes(marker));

type Landing = { kind: 'created'; project: string; issue: GitLabIssue } | { kind: 'check-in'; on: IssueRef };

/**
 * What an earlier attempt that GitLab may have stored left, wherever it went: an attempt to create
 * names a project, one to check in names an issue. The finding's type may have changed since.
 */
async function earlierLanding(gateway: GitLabGateway, gitlabUrl: string, pendingAt: string, findingId: string, marker: string): Promise<Landing | null> {
  const issueRef = parseIssueReference(pendingAt, gitlabUrl);
  if (issueRef) return (await hasCheckIn(gateway, issueRef, marker)) ? { kind: 'check-in', on: issueRef } : null;
  const issue = (await gateway.searchIssues(pendingAt, findingId, { in: 'description', state: 'all' })).find((found) => found.description?.includes(marker));
  return issue ? { kind: 'created', project: pendingAt, issue } : null;
}

/** A created follow-up: remembered, then related to the emergency (409: it is already). */
async function linkCreated(gateway: GitLabGateway, key: string, findingId: string, ref: IssueRef, project: string, issue: GitLabIssue): Promise<ResponseMap['followup:create']> {
  const followUp: FollowUpLink = { reference: `${project}#${issue.iid}`, webUrl: issue.web_url, kind: 'created' };
  await remember(key, findingId, followUp);
  try {
    await gateway.linkIssues(ref, { projectPath: project, iid: issue.iid });
    return { followUp, linked: true };
  } catch (error) {
    // 409: already related (a retry after the link landed). Anything else: say it, keep the issue.
    return { followUp, linked: asApiError(error).status === 409 };
  }
}

/** A check-in: the target carries the customer-retro label, and the follow-up is remembered. `onIssue`: already read. */
async function finishCheckIn(gateway: GitLabGateway, settings: { labels: { customerRetro: string } }, key: string, findingId: string, on: IssueRef, onIssue?: GitLabIssue): Promise<FollowUpLink> {
  onIssue ??= await gateway.getIssue(on.projectPath, on.iid);
  await gateway.editIssue(on.projectPath, on.iid, { add_labels: settings.labels.customerRetro });
  const followUp: FollowUpLink = { reference: referenceOf(on), webUrl: onIssue.web_url, kind: 'check-in' };
  await remember(key, findingId, followUp);
  return followUp;
}

export async function findSimilar(deps: BackgroundDeps, { ref, followUpType, title, findingId }: RequestOf<'followup:similar'>): Promise<ResponseMap['followup:similar']> {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  // An attempt for this finding may have landed (a 502, a timeout, then a reload): the create looks
  // for it first, and it must not be offered as "similar" to itself.
  if (findingId && (await recordOf(issueKey(settings.gitlabUrl, ref.projectPath, ref.iid), findingId))) return { candidates: [] };
  const project = settings.followUps.projects[followUpType];
  // GitLab's search wants every word; two one-word searches find titles phrased differently.
  const words = searchTermsFor(title, 2).split(' ').filter((word) => word.length >= 3);
  const found = (await Promise.all(words.map((word) => gateway.searchIssues(project, word, { in: 'title' })))).flat();
  const unique = [...new Map(found.map((issue) => [issue.iid, issue])).values()];
  return {
    candidates: similarTitles(title, unique).map((issue) => ({
      reference: `${project}#${issue.iid}`,
      title: issue.title,
      webUrl: issue.web_url,
      score: Math.round(issue.score * 100) / 100,
    })),
  };
}

export async function createFollowUp(deps: BackgroundDeps, { ref, finding }: RequestOf<'followup:create'>): Promise<ResponseMap['followup:create']> {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  if (finding.type === 'pm-checkin') throw new GitLabRequestError({ kind: 'rejected', status: 0, message: 'A PM check-in goes on an existing issue: give its URL or reference.' });
  const key = issueKey(settings.gitlabUrl, ref.projectPath, ref.iid);
  const known = await recordOf(key, finding.id);
  if (known && !('pending' in known)) return { followUp: known, linked: true };
  const emergency = await emergencyOf(gateway, ref);
  const marker = followUpMarker(emergency.reference, finding.id);
  // An earlier attempt may have landed although GitLab answered with an error: look for it first,
  // where that attempt went (the finding's type, and so its project, may have changed since).
  const landing = known && 'pending' in known && known.at ? await earlierLanding(gateway, settings.gitlabUrl, known.at, finding.id, marker) : null;
  if (landing?.kind === 'check-in') return { followUp: await finishCheckIn(gateway, settings, key, finding.id, landing.on), linked: true };
  if (landing) return linkCreated(gateway, key, finding.id, ref, landing.project, landing.issue);
  const project = settings.followUps.projects[finding.type];
  await remember(key, finding.id, { pending: true, at: project });
  const issue = await gateway.createIssue(project, {
    title: followUpTitle(asFinding(finding)),
    description: followUpDescription(asFinding(finding), emergency),
    labels: [settings.labels.customerRetro, settings.followUps.labels[finding.type]].filter(Boolean),
  });
  return linkCreated(gateway, key, finding.id, ref, project, issue);
}

export async function checkInOnIssue(deps: BackgroundDeps, { ref, finding, target }: RequestOf<'followup:checkin'>): Promise<ResponseMap['followup:checkin']> {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  const targetRef = parseIssueReference(target, settings.gitlabUrl);
  if (!targetRef) throw new GitLabRequestError({ kind: 'rejected', status: 0, message: 'Give the existing issue as its URL or as group/project#123.' });
  const key = issueKey(settings.gitlabUrl, ref.projectPath, ref.iid);
  const known = await recordOf(key, finding.id);
  if (known && !('pending' in known)) return { followUp: known };
  // The target must be there (a 404 says so) before anything is posted.
  const [emergency, targetIssue] = await Promise.all([emergencyOf(gateway, ref), gateway.getIssue(targetRef.projectPath, targetRef.iid)]);
  const marker = followUpMarker(emergency.reference, finding.id);
  // What an earlier attempt left (a check-in on the issue it named, or an issue it created before
  // the type changed) is the follow-up: nothing is posted again elsewhere.
  const landing = known && 'pending' in known && known.at ? await earlierLanding(gateway, settings.gitlabUrl, known.at, finding.id, marker) : null;
  if (landing?.kind === 'created') return { followUp: (await linkCreated(gateway, key, finding.id, ref, landing.project, landing.issue)).followUp };
  const landedOn = landing?.on ?? (known && (await hasCheckIn(gateway, targetRef, marker)) ? targetRef : null);
  if (!landedOn) {
    await remember(key, finding.id, { pending: true, at: referenceOf(targetRef) });
    await gateway.createNote(targetRef.projectPath, targetRef.iid, checkInComment(asFinding(finding), emergency));
  }
  const on = landedOn ?? targetRef;
  return { followUp: await finishCheckIn(gateway, settings, key, finding.id, on, on === targetRef ? targetIssue : undefined) };
}

/** The handbook asks for a lead who was not involved: the pool minus the issue's participants. */
export async function suggestLeads(deps: BackgroundDeps, { ref }: RequestOf<'retro:leads'>): Promise<ResponseMap['retro:leads']> {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  const participants = (await gateway.issueParticipants(ref.projectPath, ref.iid)).map((user) => user.username.toLowerCase());
  return { suggestions: settings.retroLeads.filter((lead) => !participants.includes(lead)), participants, poolSize: settings.retroLeads.length };
}
