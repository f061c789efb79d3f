/**
 * GitLab's documented example bodies (test/fixtures/gitlab-api, copied unchanged from GitLab's
 * docs and source, see its README.md), read as they are on disk so tests answer with exactly what
 * GitLab documents.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GitLabIssue, GitLabUser } from '@/lib/gitlab/types';

/**
 * test/fixtures/gitlab-api, from test/unit/helpers/.
 * Built with node:path, not `new URL(rel, import.meta.url)`: under jsdom Vite rewrites that
 * pattern into an http://localhost asset URL.
 */
const GITLAB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/gitlab-api');

/** Raw text of a file under test/fixtures/gitlab-api/, e.g. `errors/401-unauthorized.json`. */
export function apiFixtureText(path: string): string {
  return readFileSync(resolve(GITLAB_DIR, path), 'utf8');
}

/** Parsed JSON of a file under test/fixtures/gitlab-api/. */
export function apiFixture<T = unknown>(path: string): T {
  return JSON.parse(apiFixtureText(path)) as T;
}

/** A fresh copy of the documented "Retrieve a project issue" answer. */
export function projectIssueFixture(): GitLabIssue {
  return apiFixture<GitLabIssue>('get-project-issue.json');
}

/** The documented `GET /users` answer (a regular user's view). */
export function usersFixture(): GitLabUser[] {
  return apiFixture<GitLabUser[]>('list-users.json');
}

/** The documented `GET /user` answer. */
export function currentUserFixture(): GitLabUser {
  return apiFixture<GitLabUser>('get-current-user.json');
}

/** The `Name: value` header lines of a saved `.txt`/`.http` response (status line and body skipped). */
export function headersOf(path: string): Record<string, string> {
  const [head = ''] = apiFixtureText(path).split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
