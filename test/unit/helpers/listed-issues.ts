/** GitLab issue JSON for list-query tests, built from the documented "Retrieve a project issue" answer. */
import type { GitLabIssue } from '@/lib/gitlab/types';
import { projectIssueFixture } from './gitlab-fixtures';

export const PROJECT = 'gitlab-com/support/readiness/emergencies';

export function listedIssue(iid: number, labels: string[], extra: Partial<GitLabIssue> = {}): GitLabIssue {
  return {
    ...projectIssueFixture(),
    id: 5000 + iid,
    iid,
    state: 'opened',
    labels,
    due_date: null,
    web_url: `https://gitlab.com/${PROJECT}/-/issues/${iid}`,
    references: { short: `#${iid}`, full: `${PROJECT}#${iid}` },
    created_at: '2025-03-01T10:00:00.000Z',
    updated_at: '2025-03-05T10:00:00.000Z',
    ...extra,
  };
}
