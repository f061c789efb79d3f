/**
 * The document frame every sandbox page shares, following /work/shared/gitlab/pages: `window.gon`,
 * csrf meta tags, body data attributes, super sidebar, breadcrumbs and `main#content-body`.
 */
import { escapeHtml, scriptJson } from './escape.ts';
import { avatarUrl, issuePath, namespacePath, projectIssues } from './lookup.ts';
import { SPA_SCRIPT, STYLE } from './page-assets.ts';
import { APP_SCRIPT_PATH } from './app-weight.ts';
import type { SandboxIssue, SandboxProject, SandboxState, SandboxUser } from './types.ts';

export type Theme = 'light' | 'dark';
export interface PageCtx {
  state: SandboxState;
  theme: Theme;
  /** Size of the GitLab-like app script the page loads (0: none). See app-weight.ts. */
  appScriptKb?: number;
}
export type DataAttrs = Record<string, string | number | boolean | undefined>;

export interface PageSpec {
  title: string;
  /** `body[data-page]`, e.g. `projects:issues:show`. */
  page: string;
  bodyData?: DataAttrs;
  breadcrumbs: { text: string; href: string }[];
  main: string;
  limitWidth?: boolean;
  features?: Record<string, boolean>;
}

/** ` data-foo="bar"` for each defined value; HAML drops nil data attributes the same way. */
export const dataAttrs = (data: DataAttrs): string =>
  Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${escapeHtml(v)}"`)
    .join('');

/** `application_helper#project_data`: the attributes GitLab puts on `<body>` of any project page. */
export const projectBodyData = (project: SandboxProject): DataAttrs => {
  const ns = namespacePath(project);
  return {
    group: ns.split('/').pop(),
    groupFullPath: ns,
    projectId: project.id,
    project: project.path.split('/').pop(),
    projectFullPath: project.path,
    namespaceId: project.namespaceId,
  };
};

/** Sidebar dates read like GitLab's: `Jul 22, 2016`. */
export const formatDate = (ymd: string): string =>
  new Date(`${ymd}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** A stable colour per label title, like the colours set on real labels. */
export function labelChip(issuesListPath: string, label: string, testid = false): string {
  const hue = [...label].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  const href = `${issuesListPath}?label_name[]=${encodeURIComponent(label)}`;
  return `<span class="gl-label"${testid ? dataAttrs({ testid: label }) : ''} style="--label-bg: hsl(${hue} 50% 42%)">` +
    `<a class="gl-link gl-label-link" href="${escapeHtml(href)}"><span class="gl-label-text">${escapeHtml(label)}</span></a></span>`;
}

export const assigneeLink = (u: SandboxUser): string =>
  `<a href="/${escapeHtml(u.username)}" class="gl-link sandbox-assignee" data-username="${escapeHtml(u.username)}" data-user-id="${u.id}">` +
  `<img class="gl-avatar" data-testid="avatar-image" alt="" src="${escapeHtml(avatarUrl(u).replace('https://gitlab.com', ''))}">` +
  `<span class="author-name">${escapeHtml(u.name)}</span><span class="gl-text-subtle">@${escapeHtml(u.username)}</span></a>`;

/** "Previous / next issue" links that navigate client-side, to exercise an extension's SPA handling. */
export function issueNav(state: SandboxState, project: SandboxProject, issue: SandboxIssue): string {
  const issues = projectIssues(state, project);
  const at = issues.findIndex((i) => i.id === issue.id);
  const link = (other: SandboxIssue | undefined, rel: string, text: string): string => other
    ? `<a href="${escapeHtml(issuePath(project, other))}" data-sandbox-spa rel="${rel}" data-testid="sandbox-${rel}-issue">${text} #${other.iid}</a>`
    : '<span></span>';
  return `<nav class="sandbox-issue-nav" aria-label="Issue navigation">${link(issues[at - 1], 'prev', '← Previous issue')}` +
    `<a href="/${escapeHtml(project.path)}/-/issues" data-sandbox-spa>All issues</a>${link(issues[at + 1], 'next', 'Next issue →')}</nav>`;
}

function superSidebar(state: SandboxState): string {
  const projects = state.projects
    .map((p) => `<li><a href="/${escapeHtml(p.path)}/-/issues">${escapeHtml(p.namespaceName)} / ${escapeHtml(p.name)}</a></li>`)
    .join('');
  return `<aside class="js-super-sidebar super-sidebar" data-root-path="/" data-sidebar="{}" data-command-palette="{}" data-is-saas="true">` +
    `<div class="sandbox-logo">GitLab</div><ul><li><a href="/">Your work</a></li>${projects}` +
    `<li><a href="/-/user_settings/personal_access_tokens">Access tokens</a></li></ul></aside>`;
}

export function renderPage(ctx: PageCtx, spec: PageSpec): string {
  const user = ctx.state.users.find((u) => u.id === ctx.state.sessionUserId);
  const gon = [
    'window.gon={}', 'gon.api_version="v4"', 'gon.relative_url_root=""', 'gon.gitlab_url="https://gitlab.com"',
    `gon.current_user_id=${scriptJson(user?.id ?? null)}`, `gon.current_username=${scriptJson(user?.username ?? null)}`,
    `gon.current_user_fullname=${scriptJson(user?.name ?? null)}`,
    `gon.current_user_avatar_url=${scriptJson(user ? avatarUrl(user) : null)}`,
    `gon.features=${scriptJson(spec.features ?? {})}`,
  ].join(';');
  const crumbs = spec.breadcrumbs.map((b) => `<li><a href="${escapeHtml(b.href)}">${escapeHtml(b.text)}</a></li>`).join('');
  const htmlClass = ctx.theme === 'dark' ? 'gl-dark ui-neutral with-top-bar' : 'gl-light ui-neutral with-top-bar';
  return `<!DOCTYPE html>
<html lang="en" class="${htmlClass}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(spec.title)}</title>
<script>//<![CDATA[
${gon};
//]]></script>
<meta name="csrf-param" content="authenticity_token">
<meta name="csrf-token" content="${escapeHtml(ctx.state.csrfToken)}">
<meta name="action-cable-url" content="/-/cable">
<style>${STYLE}</style>
</head>
<body class="tab-width-8 gl-browser-chrome gl-platform-linux body-fixed-scrollbar"${dataAttrs({ page: spec.page, ...spec.bodyData })}>
<div id="js-tooltips-container"></div>
<div class="layout-page page-with-super-sidebar">
${superSidebar(ctx.state)}
<div class="content-wrapper">
<div class="broadcast-wrapper"></div>
<div class="top-bar-fixed" data-testid="top-bar"><nav aria-label="Breadcrumbs" data-testid="breadcrumb-links"><ol class="breadcrumb">${crumbs}</ol></nav></div>
<div class="container-fluid container-limited${spec.limitWidth ? ' limit-container-width' : ''}">
<main class="content" id="content-body">
${spec.main}
</main>
</div>
</div>
</div>
<script>${SPA_SCRIPT}</script>
${ctx.appScriptKb ? `<script src="${APP_SCRIPT_PATH}"></script>` : ''}
</body>
</html>
`;
}
