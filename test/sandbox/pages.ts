/**
 * HTML routes: issue pages in each of GitLab's layouts, the project issue list, the dashboard, the token
 * settings page, group work items and user avatars. All links are relative, so they stay on "gitlab.com".
 */
import { html } from './http.ts';
import { escapeHtml } from './escape.ts';
import { findIssue, findProject, findUser, namespacePath } from './lookup.ts';
import { avatarSvg } from './page-assets.ts';
import { classicMain } from './page-classic.ts';
import { dashboardPage, issueListPage, notFoundPage, tokenSettingsPage } from './page-misc.ts';
import { issueNav, projectBodyData, renderPage, type PageCtx, type PageSpec, type Theme } from './page-layout.ts';
import { workItemMain } from './page-work-item.ts';
import type { Incoming, Reply, SandboxIssue, SandboxProject, SandboxState } from './types.ts';

type IssueRoute = 'issues' | 'work_items' | 'incident';

/** `/-/issues/N` renders by the issue's layout; `/-/work_items/N` is always the work-item view. */
function issuePage(state: SandboxState, project: SandboxProject, issue: SandboxIssue, route: IssueRoute): PageSpec | null {
  if (route === 'incident' && issue.issueType !== 'incident') return null; // IncidentsController only finds incidents
  const workItem = route === 'work_items' || (route === 'issues' && issue.layout === 'work_item');
  const section = route === 'incident' ? 'Incidents' : 'Issues';
  const href = route === 'incident' ? `/${project.path}/-/issues/incident/${issue.iid}` : `/${project.path}/-/${route}/${issue.iid}`;
  const spec = {
    title: `${issue.title} (#${issue.iid}) · ${section} · ${project.namespaceName} / ${project.name} · GitLab`,
    page: route === 'incident' ? 'projects:incidents:show' : `projects:${route}:show`,
    // The work_items route's param is :iid, so GitLab renders no data-page-type-id there.
    bodyData: { pageTypeId: route === 'work_items' ? undefined : issue.iid, ...projectBodyData(project) },
    breadcrumbs: [{ text: project.name, href: `/${project.path}` }, { text: section, href: `/${project.path}/-/issues` }, { text: `#${issue.iid}`, href }],
    features: { workItemViewForIssues: workItem },
  };
  if (!workItem) return { ...spec, limitWidth: true, main: classicMain(state, project, issue) };
  const ns = namespacePath(project);
  const main = workItemMain({
    title: issue.title, description: issue.description, fullPath: project.path, groupPath: ns, groupId: project.namespaceId,
    issuesListPath: `/${project.path}/-/issues`, labels: issue.labels, dueDate: issue.dueDate,
    assignees: issue.assigneeIds.map((id) => findUser(state, id)).filter((u) => u !== undefined),
    nav: issueNav(state, project, issue),
  });
  return { ...spec, main };
}

function groupWorkItemPage(state: SandboxState, groupPath: string, iid: number): PageSpec | null {
  const item = state.groupWorkItems.find((w) => w.groupPath.toLowerCase() === groupPath.toLowerCase() && w.iid === iid);
  if (!item) return null;
  return {
    title: `${item.title} (#${iid}) · ${item.workItemType}s · ${item.groupPath} · GitLab`,
    page: 'groups:work_items:show',
    bodyData: { group: item.groupPath.split('/').pop(), groupFullPath: item.groupPath },
    breadcrumbs: [{ text: item.groupPath, href: `/groups/${item.groupPath}` }, { text: `#${iid}`, href: `/groups/${item.groupPath}/-/work_items/${iid}` }],
    features: { workItemViewForIssues: true },
    main: workItemMain({
      title: item.title, description: '', fullPath: item.groupPath, groupPath: item.groupPath, groupId: item.groupId,
      issuesListPath: `/groups/${item.groupPath}/-/issues`, labels: [], assignees: [], dueDate: null,
    }),
  };
}

function route(state: SandboxState, url: URL): PageSpec | Reply | null {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return dashboardPage(state);
  if (path === '/-/user_settings/personal_access_tokens') return tokenSettingsPage(url);
  let m = /^\/uploads\/-\/system\/user\/avatar\/(\d+)\/avatar\.png$/.exec(path);
  if (m) {
    const user = findUser(state, Number(m[1]));
    const initials = user ? user.name.split(' ').map((w) => w[0] ?? '').join('').slice(0, 2) : '?';
    return { status: 200, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' }, body: avatarSvg(Number(m[1]), initials) };
  }
  m = /^\/groups\/(.+?)\/-\/work_items\/(\d+)$/.exec(path);
  if (m) return groupWorkItemPage(state, m[1] ?? '', Number(m[2]));
  m = /^\/(.+?)\/-\/(issues\/incident|issues|work_items)\/(\d+)(?:\/(?:timeline|metrics|alerts))?$/.exec(path);
  if (m) {
    const project = findProject(state, m[1] ?? '');
    const issue = project && findIssue(state, project, Number(m[3]));
    const kind: IssueRoute = m[2] === 'issues/incident' ? 'incident' : m[2] === 'work_items' ? 'work_items' : 'issues';
    return project && issue ? issuePage(state, project, issue, kind) : null;
  }
  m = /^\/(.+?)\/-\/issues$/.exec(path);
  if (m) {
    const project = findProject(state, m[1] ?? '');
    return project ? issueListPage(state, project) : null;
  }
  return null;
}

/** `?theme=dark|light` sticks as a cookie, so later navigations keep it; `sandbox-theme` cookie otherwise. */
function pickTheme(req: Incoming): { theme: Theme; cookie?: string } {
  const asked = req.url.searchParams.get('theme');
  if (asked === 'dark' || asked === 'light') return { theme: asked, cookie: `sandbox-theme=${asked}; Path=/; Secure; SameSite=Lax` };
  const cookie = /(?:^|;\s*)sandbox-theme=(dark|light)/.exec(String(req.headers.cookie ?? ''))?.[1];
  return { theme: cookie === 'dark' ? 'dark' : 'light' };
}

export function handlePage(state: SandboxState, req: Incoming, appScriptKb = 0): Reply {
  const { theme, cookie } = pickTheme(req);
  const ctx: PageCtx = { state, theme, appScriptKb };
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...(cookie ? { 'set-cookie': cookie } : {}) };
  const found = req.method === 'GET' || req.method === 'HEAD' ? route(state, req.url) : null;
  if (found && 'status' in found) return found;
  if (!found) return html(404, renderPage(ctx, notFoundPage()), headers);
  return html(200, renderPage(ctx, found), headers);
}

export { escapeHtml };
