/** GitLab's issue JSON → the plain RetroItem the popup and review page show. */
import type { RetroItem } from '../retro/retro-item';
import type { GitLabIssue, GitLabLabelEvent } from './types';

/** `group/project#12` → `group/project`, falling back to the web URL's path before `/-/`. */
function projectPathOf(issue: GitLabIssue): string {
  const full = issue.references?.full;
  if (typeof full === 'string' && full.includes('#')) return full.slice(0, full.lastIndexOf('#'));
  try {
    return new URL(issue.web_url).pathname.split('/-/')[0]!.replace(/^\/+/, '');
  } catch {
    return String(issue.project_id);
  }
}

/** Links go only to the configured instance: a web_url elsewhere (or `javascript:`) is dropped. */
function safeUrl(url: unknown, gitlabUrl: string): string {
  try {
    const parsed = new URL(String(url));
    return parsed.origin === new URL(gitlabUrl).origin ? parsed.toString() : '';
  } catch {
    return '';
  }
}

export function retroItemOf(issue: GitLabIssue, gitlabUrl: string, retroActionsAppliedAt: string | null = null): RetroItem {
  const projectPath = projectPathOf(issue);
  return {
    key: `${projectPath}#${issue.iid}`,
    projectPath,
    iid: issue.iid,
    title: String(issue.title ?? ''),
    webUrl: safeUrl(issue.web_url, gitlabUrl),
    labels: Array.isArray(issue.labels) ? issue.labels.map(String) : [],
    dueDate: typeof issue.due_date === 'string' ? issue.due_date : null,
    createdAt: String(issue.created_at ?? ''),
    updatedAt: String(issue.updated_at ?? ''),
    assignees: (issue.assignees ?? []).map((user) => user.username),
    retroActionsAppliedAt,
  };
}

/** The last time `label` was added, from the issue's label events; null when never (or removed since). */
export function labelAppliedAt(events: readonly GitLabLabelEvent[], label: string): string | null {
  const wanted = label.toLowerCase();
  const mine = events
    .filter((event) => event.label?.name.toLowerCase() === wanted)
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
  const last = mine.at(-1);
  return last && last.action === 'add' ? last.created_at : null;
}
