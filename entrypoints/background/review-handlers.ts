/**
 * The leaders' review data: every open `retro-actions` issue in the emergency projects, retros
 * suggested but not run, and six months of trends. Paged (100 per request, capped), cached.
 */
import type { ReviewData, ReviewView } from '@/lib/messaging';
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

async function perProject(gateway: GitLabGateway, projects: string[], query: Omit<IssueQuery, 'projectPath'>): Promise<Fetched> {
  const parts = await Promise.all(projects.map((projectPath) => allPages(gateway, { ...query, projectPath })));
  return {
    issues: parts.flatMap((part) => part.issues),
    truncated: parts.some((part) => part.truncated),
    requests: parts.reduce((sum, part) => sum + part.requests, 0),
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
  const [actions, suggested, retros, followUps] = await Promise.all([
    perProject(gateway, emergencyProjects, { labels: labels.retroActions, state: 'opened' }),
    perProject(gateway, emergencyProjects, { labels: labels.retro, notLabels: labels.retroActions, state: 'opened' }),
    perProject(gateway, emergencyProjects, { labels: labels.retro, state: 'all', createdAfter: since }),
    // Follow-ups live in any project (bugs in gitlab-org/gitlab, handbook MRs…): instance-wide.
    allPages(gateway, { scope: 'all', labels: labels.customerRetro, state: 'all', createdAfter: since }),
  ]);
  const months = lastMonths(now);
  const toItem = (issue: GitLabIssue) => retroItemOf(issue, gitlabUrl);
  const data: ReviewData = {
    retroActions: actions.issues.map(toItem),
    suggested: suggested.issues.map(toItem),
    months,
    retrosPerMonth: perMonth(retros.issues.map((issue) => String(issue.created_at ?? '')), months),
    followUps: followUpsByType(followUps.issues.map(toItem), months),
    fetchedAt: now.toISOString(),
    truncated: [actions, suggested, retros, followUps].some((part) => part.truncated),
    requests: actions.requests + suggested.requests + retros.requests + followUps.requests,
  };
  await reviewItem.setValue({ ...data, instance: new URL(gitlabUrl).origin });
  return { configured: true, data, labels, emergencyProjects };
}
