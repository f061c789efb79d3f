/** The non-issue pages: dashboard, project issue list, token settings, 404. */
import { escapeHtml } from './escape.ts';
import { findUser, issuePath } from './lookup.ts';
import { labelChip, projectBodyData, type PageSpec } from './page-layout.ts';
import type { SandboxProject, SandboxState } from './types.ts';

export function dashboardPage(state: SandboxState): PageSpec {
  const user = findUser(state, state.sessionUserId);
  const projects = state.projects
    .map((p) => `<li><a href="/${escapeHtml(p.path)}/-/issues">${escapeHtml(p.namespaceName)} / ${escapeHtml(p.name)}</a></li>`)
    .join('');
  return {
    title: 'Home · GitLab',
    page: 'root:index',
    breadcrumbs: [{ text: 'Your work', href: '/' }],
    main: `<h1 class="gl-heading-1">Hi, ${escapeHtml(user?.name ?? 'there')}</h1><p>Projects</p><ul>${projects}</ul>`,
  };
}

export function issueListPage(state: SandboxState, project: SandboxProject): PageSpec {
  const rows = state.issues
    .filter((i) => i.projectId === project.id)
    .sort((a, b) => b.iid - a.iid)
    .map((i) => {
      const labels = i.labels.map((l) => labelChip(`/${project.path}/-/issues`, l)).join('');
      return `<li class="issue" data-testid="issuable-container" data-iid="${i.iid}"><a class="issue-title-text" href="${escapeHtml(issuePath(project, i))}" data-sandbox-spa>${escapeHtml(i.title)}</a>` +
        ` <span class="gl-text-subtle">#${i.iid}</span> ${labels}</li>`;
    })
    .join('');
  return {
    title: `Issues · ${project.namespaceName} / ${project.name} · GitLab`,
    page: 'projects:issues:index',
    bodyData: projectBodyData(project),
    breadcrumbs: [{ text: project.name, href: `/${project.path}` }, { text: 'Issues', href: `/${project.path}/-/issues` }],
    main: `<div class="flash-container flash-container-page sticky" data-testid="flash-container"></div>` +
      `<h1 class="gl-heading-1">Issues</h1><ul class="content-list issuable-list issues-list" data-testid="issuable-list">${rows}</ul>`,
  };
}

/** Echoes the query string, so a test can check what the product's "Create a token" link pre-filled. */
export function tokenSettingsPage(url: URL): PageSpec {
  const rows = [...url.searchParams]
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td data-param="${escapeHtml(k)}">${escapeHtml(v)}</td></tr>`)
    .join('');
  return {
    title: 'Personal access tokens · User Settings · GitLab',
    page: 'user_settings:personal_access_tokens:index',
    breadcrumbs: [{ text: 'User settings', href: '/-/user_settings/profile' }, { text: 'Access tokens', href: url.pathname }],
    main: `<h1 class="gl-heading-1">Personal access tokens</h1><p>Prefilled from the link:</p>` +
      `<table class="sandbox-table" data-testid="sandbox-token-params">${rows}</table>` +
      `<pre data-testid="sandbox-query">${escapeHtml(url.search)}</pre>`,
  };
}

export const notFoundPage = (): PageSpec => ({
  title: 'Not Found · GitLab',
  page: 'errors:not_found',
  breadcrumbs: [],
  main: '<h1 class="gl-heading-1">404: Page not found</h1><p>Make sure the address is correct and the page has not moved.</p>',
});
