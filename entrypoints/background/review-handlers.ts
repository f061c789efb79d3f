/**
 * The leaders' review data: every open `retro-actions` issue in the emergency projects, retros
 * suggested but not run, and six months of trends. Paged (100 per request, capped), cached.
 */
import type { FailedProject, ReviewData, ReviewView } from '@/lib/messaging';
import { asApiError, type ErrorKind } from '@/lib/gitlab/errors';
import type { GitLabGateway, IssueQuery } from '@/lib/gitlab/gateway';
import type { GitLabIssue } from '@/lib/gitlab/types';
import { retroItemOf } from '@/lib/gitlab/retro-item-of';
import { followUpsByType, lastMonths, perMonth, trendStart } from '@/lib/retro/trends';
import { settingsItem, tokenItem } from '@/lib/settings';
import { reviewItem } from '@/lib/retro-cache';
import { connect, type BackgroundDeps } from './context';

export const REVIEW_PER_PAGE = 100;
/** 50 pages of 100: far beyond today's volume, and a hard stop against a pagination loop. */
export const REVIEW_MAX_PAGES = 50;

interface Fetched {
  issues: GitLabIssue[];
  truncated: boolean;
  requests: number;
}

/** All pages of one query, one after the other (GitLab's rate limits favour a steady pace). */
async function allPages(gateway: GitLabGateway, query: IssueQuery): Promise<Fetched> {
  const issues: GitLabIssue[] = [];
  let page: number | null = 1;
  let requests = 0;
  while (page !== null && requests < REVIEW_MAX_PAGES) {
    const result = await gateway.listIssues(query, page, REVIEW_PER_PAGE);
    requests += 1;
    issues.push(...result.items);
    page = result.nextPage !== null && result.nextPage > page ? result.nextPage : null;
  }
  // An issue created or closed between two pages shifts the pages: it could come back twice.
  return { issues: [...new Map(issues.map((issue) => [issue.id, issue])).values()], truncated: page !== null, requests };
}

/** Failures that are about the connection, not one project: the whole review shows them. */
const WHOLE_REVIEW: ReadonlySet<ErrorKind> = new Set(['no-token', 'unauthorized', 'insufficient-scope', 'rate-limited', 'network']);

function projectFailure(projectPath: string, thrown: unknown): FailedProject {
  const error = asApiError(thrown);
  if (WHOLE_REVIEW.has(error.kind)) throw thrown;
  return {
    projectPath,
    error: error.kind === 'not-found'
      ? { ...error, message: 'GitLab says this project does not exist, or your account has no access to it. Check its path under Emergency projects in the options.' }
      : error,
  };
}

const joined = (parts: Fetched[]): Fetched => ({
  issues: parts.flatMap((part) => part.issues),
  truncated: parts.some((part) => part.truncated),
  requests: parts.reduce((sum, part) => sum + part.requests, 0),
});

/**
 * Each query for each emergency project. A project GitLab will not show (mistyped, no access)
 * is named among the failures and left out; the others are still reviewed.
 */
async function perProject(gateway: GitLabGateway, projects: string[], queries: Omit<IssueQuery, 'projectPath'>[]) {
  const settled = await Promise.all(projects.map((projectPath) =>
    Promise.all(queries.map((query) => allPages(gateway, { ...query, projectPath }))).catch((thrown: unknown) => projectFailure(projectPath, thrown))));
  const fetched = settled.filter((part): part is Fetched[] => Array.isArray(part));
  return {
    results: queries.map((_, i) => joined(fetched.map((part) => part[i]!))),
    failed: settled.filter((part): part is FailedProject => !Array.isArray(part)),
  };
}

export async function cachedReview(): Promise<ReviewView> {
  const [settings, token, cached] = await Promise.all([settingsItem.getValue(), tokenItem.getValue(), reviewItem.getValue()]);
  const data = token !== '' && cached?.instance === new URL(settings.gitlabUrl).origin ? cached : null;
  return { configured: token !== '', data, labels: settings.labels, emergencyProjects: settings.emergencyProjects };
}

// A review page opened while another one's fetch is running (two tabs, a quick reopen) shares it:
// 1,000 retros are fetched once, not once per page.
let inFlight: Promise<ReviewView> | null = null;

export function refreshReview(deps: BackgroundDeps): Promise<ReviewView> {
  inFlight ??= fetchReview(deps).finally(() => (inFlight = null));
  return inFlight;
}

async function fetchReview(deps: BackgroundDeps): Promise<ReviewView> {
  const { settings, gateway } = await connect(deps);
  const { labels, emergencyProjects, gitlabUrl } = settings;
  const now = deps.now();
  const since = trendStart(now).toISOString();
  const [{ results, failed }, followUps] = await Promise.all([
    perProject(gateway, emergencyProjects, [
      { labels: labels.retroActions, state: 'opened' },
      { labels: labels.retro, notLabels: labels.retroActions, state: 'opened' },
      { labels: labels.retro, state: 'all', createdAfter: since },
    ]),
    // Follow-ups live in any project (bugs in gitlab-org/gitlab, handbook MRs…): instance-wide.
    allPages(gateway, { scope: 'all', labels: labels.customerRetro, state: 'all', createdAfter: since }),
  ]);
  const [actions, suggested, retros] = results as [Fetched, Fetched, Fetched];
  const months = lastMonths(now);
  const toItem = (issue: GitLabIssue) => retroItemOf(issue, gitlabUrl);
  const data: ReviewData = {
    retroActions: actions.issues.map(toItem),
    suggested: suggested.issues.map(toItem),
    months,
    retrosPerMonth: perMonth(retros.issues.map((issue) => String(issue.created_at ?? '')), months),
    followUps: followUpsByType(followUps.issues.map((issue) => ({ ...toItem(issue), description: issue.description })), months),
    fetchedAt: now.toISOString(),
    truncated: [actions, suggested, retros, followUps].some((part) => part.truncated),
    requests: actions.requests + suggested.requests + retros.requests + followUps.requests,
    failedProjects: failed,
  };
  await reviewItem.setValue({ ...data, instance: new URL(gitlabUrl).origin });
  return { configured: true, data, labels, emergencyProjects };
}
