/**
 * URL → which GitLab issue the page shows. Pure: no DOM, no browser APIs, never throws.
 * Route shapes: ../shared/gitlab/pages/README.md ("URL forms").
 *
 *   /<ns>/<sub…>/<project>/-/issues/<iid>[/timeline|/metrics|/alerts|/designs/…]
 *   /<ns>/<sub…>/<project>/-/issues/incident/<iid>[/timeline|/metrics|/alerts]
 *   /<ns>/<sub…>/<project>/-/work_items/<iid>[/designs/…]
 *   /<ns>/<sub…>/<project>/-/issues?show=…, /-/work_items?show=…, /-/boards[/N]?show=…  (drawer)
 *   /groups/<group…>/-/work_items/<iid>                                               (group level)
 */
import type { IssueView, ParsedIssueUrl } from './issue-ref';

/** First path segments that are GitLab routes, never a namespace. */
const RESERVED_TOP = new Set([
  '-', 'api', 'users', 'dashboard', 'explore', 'admin', 'help', 'groups',
  'projects', 'search', 'snippets', 'profile', 'oauth', 'uploads', 'assets',
]);
const INCIDENT_TABS = new Set(['timeline', 'metrics', 'alerts']);
const DRAWER_PAGES = new Set(['issues', 'work_items', 'boards']);

export function parseIssueUrl(url: string | URL, gitlabOrigin: string): ParsedIssueUrl | null {
  try {
    const page = new URL(String(url));
    const base = new URL(gitlabOrigin);
    if (page.origin !== base.origin) return null;
    const segments = pathSegments(page.pathname, base.pathname);
    return segments ? fromSegments(segments, page.searchParams) : null;
  } catch {
    return null; // malformed URL, origin or percent-encoding
  }
}

/** True when `projectPath` is one of the configured emergency projects. */
export function isEmergencyProject(projectPath: string, emergencyProjects: readonly string[]): boolean {
  const wanted = normalizePath(projectPath);
  return wanted !== '' && emergencyProjects.some((p) => normalizePath(p) === wanted);
}

const normalizePath = (p: string): string => p.trim().replace(/^\/+|\/+$/g, '').toLowerCase();

/** Path below the instance's relative root, split and decoded; null when outside that root. */
function pathSegments(pathname: string, rootPath: string): string[] | null {
  const root = rootPath.replace(/\/+$/, '');
  if (root && pathname !== root && !pathname.startsWith(`${root}/`)) return null;
  const raw = pathname.slice(root.length).split('/').filter((s) => s !== '');
  const decoded = raw.map((s) => decodeURIComponent(s));
  // An encoded "/" would silently change which project we think this is.
  return decoded.every((s) => !s.includes('/') && s.trim() === s) ? decoded : null;
}

function fromSegments(segs: string[], query: URLSearchParams): ParsedIssueUrl | null {
  const dash = segs.indexOf('-');
  if (dash < 1) return null;
  const owner = segs.slice(0, dash);
  const rest = segs.slice(dash + 1);

  if (owner[0] === 'groups') {
    const groupPath = owner.slice(1).join('/');
    const iid = rest[0] === 'work_items' ? workItemIid(rest) : null;
    if (groupPath && iid) return { kind: 'group-work-item', ref: { groupPath, iid } };
    // A group's issue list or board opens a project's issue in a drawer that names the project.
    const drawer = groupPath ? drawerIssue(rest, query, '') : null;
    return drawer?.kind === 'project-issue' && drawer.ref.projectPath ? drawer : null;
  }
  if (RESERVED_TOP.has(owner[0]!.toLowerCase()) || owner.length < 2) return null;

  const projectPath = owner.join('/');
  const direct = issueInRest(rest);
  if (direct) return { kind: 'project-issue', ref: { projectPath, ...direct } };
  return drawerIssue(rest, query, projectPath);
}

/** The part after `/-/`: which iid and which view, or null for anything else (lists, MRs, /new). */
function issueInRest(rest: string[]): { iid: number; view: IssueView } | null {
  const [kind, a, b, ...more] = rest;
  if (kind === 'work_items') {
    const iid = workItemIid(rest);
    return iid ? { iid, view: 'work_items' } : null;
  }
  if (kind !== 'issues') return null;
  if (a === 'incident') {
    const iid = toIid(b);
    const tabOk = more.length === 0 || (more.length === 1 && INCIDENT_TABS.has(more[0]!));
    return iid && tabOk ? { iid, view: 'incident' } : null;
  }
  const iid = toIid(a);
  const tail = rest.slice(2);
  const tailOk =
    tail.length === 0 || tail[0] === 'designs' || (tail.length === 1 && INCIDENT_TABS.has(tail[0]!));
  return iid && tailOk ? { iid, view: 'issues' } : null;
}

/** `work_items/<iid>` with an optional `/designs/…` tail. */
function workItemIid(rest: string[]): number | null {
  const tail = rest.slice(2);
  return tail.length === 0 || tail[0] === 'designs' ? toIid(rest[1]) : null;
}

/**
 * The issue drawer on list and board pages. It renders GitLab's work-item view,
 * hence `view: 'work_items'`. The project comes from `show` when present (the
 * drawer's own data), else from the page.
 */
function drawerIssue(rest: string[], query: URLSearchParams, pagePath: string): ParsedIssueUrl | null {
  const [kind, boardId, ...more] = rest;
  const listPage = kind !== undefined && DRAWER_PAGES.has(kind) && more.length === 0 &&
    (boardId === undefined || (kind === 'boards' && /^\d+$/.test(boardId)));
  const show = query.get('show');
  if (!listPage || !show) return null;
  const drawer = decodeShowParam(show);
  if (!drawer) return null;
  const projectPath = drawer.fullPath ?? pagePath;
  return { kind: 'project-issue', ref: { projectPath, iid: drawer.iid, view: 'work_items' } };
}

/**
 * GitLab's `show` param: base64 of JSON like `{"id":"…","iid":"42","full_path":"group/project"}`.
 * It is page-controlled input, so anything unexpected yields null instead of a guess.
 */
function decodeShowParam(show: string): { iid: number; fullPath?: string } | null {
  if (show.length > 4096) return null;
  try {
    // URLSearchParams turns an unencoded "+" into a space; also accept base64url.
    const b64 = show.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (typeof data !== 'object' || data === null) return null;
    const { iid, full_path: fullPath } = data as Record<string, unknown>;
    const parsedIid = toIid(iid);
    if (!parsedIid) return null;
    if (fullPath === undefined) return { iid: parsedIid };
    return isProjectPath(fullPath) ? { iid: parsedIid, fullPath } : null;
  } catch {
    return null;
  }
}

/** `namespace/…/project`: two or more segments of path characters (no `..`), not a GitLab route. */
function isProjectPath(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const segs = v.split('/');
  return segs.length >= 2 &&
    segs.every((s) => /^[\w.+-]+$/.test(s) && !/^\.+$/.test(s)) &&
    !RESERVED_TOP.has(segs[0]!.toLowerCase());
}

/** A positive safe integer written in plain decimal digits, else null. */
function toIid(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9]\d*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}
