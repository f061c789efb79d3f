/**
 * `main#content-body` of the classic issue page and of the incident page (same partial, plus tabs),
 * following pages/classic-issue.html and pages/incident.html. Sidebar widgets are shown post-mount.
 */
import { escapeHtml, scriptJson } from './escape.ts';
import { findUser, namespacePath } from './lookup.ts';
import { assigneeLink, dataAttrs, formatDate, issueNav, labelChip } from './page-layout.ts';
import type { SandboxIssue, SandboxProject, SandboxState } from './types.ts';

const editButton = '<button type="button" class="btn btn-sm" data-testid="edit-button">Edit</button>';
const head = (title: string): string => `<div class="sandbox-widget-head"><span>${escapeHtml(title)}</span>${editButton}</div>`;

function sidebar(state: SandboxState, project: SandboxProject, issue: SandboxIssue): string {
  const path = project.path;
  const base = `/${path}/-/issues/${issue.iid}`;
  const assignees = issue.assigneeIds.map((id) => findUser(state, id)).filter((u) => u !== undefined);
  const assigneeTitle = assignees.length > 1 ? `${assignees.length} Assignees` : 'Assignee';
  const assigneeBody = assignees.length ? assignees.map(assigneeLink).join('') : '<span class="gl-text-subtle">None - assign yourself</span>';
  const incident = issue.issueType === 'incident';
  const options = { id: issue.id, iid: issue.iid, fullPath: path, editable: true, issuableType: 'issue', timeTrackingLimitToHours: false, canCreateTimelogs: true, ...(incident ? { severity: issue.severity.toLowerCase() } : {}) };
  return `<aside class="right-sidebar js-right-sidebar js-issuable-sidebar right-sidebar-expanded" data-signed-in="true" data-issuable-type="issue" aria-live="polite" aria-label="issue">
<div class="issuable-sidebar">
<div class="issuable-sidebar-header gl-py-3"><a class="gutter-toggle float-right js-sidebar-toggle has-tooltip" role="button" href="#" aria-label="Toggle sidebar" title="Collapse sidebar">»</a>
<div class="js-sidebar-todo-widget-root"${dataAttrs({ projectPath: path, iid: issue.iid, id: issue.id })}></div></div>
<form class="issuable-context-form inline-update js-issuable-update" action="${escapeHtml(base)}.json" accept-charset="UTF-8" data-remote="true" method="post">
<div class="block assignee" data-testid="assignee-block-container"><div class="js-sidebar-assignees-root"${dataAttrs({ maxAssignees: project.freeTier ? 1 : undefined })}>${head(assigneeTitle)}${assigneeBody}</div></div>
<div class="block milestone" data-testid="sidebar-milestones"><div class="js-sidebar-milestone-widget-root"${dataAttrs({ canEdit: true, projectPath: path, issueIid: issue.iid })}>${head('Milestone')}<span class="gl-text-subtle">None</span></div></div>
<div class="js-sidebar-due-date-widget-root"><div class="block" data-testid="sidebar-due-date">${head('Due date')}<span class="collapse-truncated-title" data-testid="sidebar-date-value">${issue.dueDate ? escapeHtml(formatDate(issue.dueDate)) : 'None'}</span></div></div>
<div class="js-sidebar-labels-widget-root"${dataAttrs({ iid: issue.iid, projectPath: path, canEdit: true, projectIssuesPath: `/${path}/-/issues`, allowLabelCreate: true, allowScopedLabels: false })}>
<div class="block labels js-labels-block" data-testid="sidebar-labels">${head('Labels')}<div data-testid="selected-label-content">${issue.labels.length ? issue.labels.map((l) => labelChip(`/${path}/-/issues`, l)).join('') : '<span class="gl-text-subtle">None</span>'}</div></div></div>
${incident ? `<div class="js-sidebar-severity-widget-root"><div class="block">${head('Severity')}<span>${escapeHtml(issue.severity.toLowerCase())}</span></div></div>
<div class="js-sidebar-escalation-status-root"${dataAttrs({ canUpdate: true, issueIid: issue.iid, projectPath: path })}></div>` : ''}
<div class="js-sidebar-participants-widget-root"></div>
<div class="js-sidebar-subscriptions-widget-root"></div>
<div class="block with-sub-blocks"><div class="js-sidebar-reference-widget-root"><span class="gl-text-subtle">Reference: ${escapeHtml(`${path}#${issue.iid}`)}</span></div></div>
<div class="block js-sidebar-move-issue-block"${dataAttrs({ projectFullPath: path, issueIid: issue.iid })}></div>
</form>
<script class="js-sidebar-options" type="application/json">${scriptJson(options)}</script>
</div>
</aside>`;
}

const incidentTabs = (description: string): string => `<div><div class="tabs gl-tabs" data-testid="incident-tabs">
<ul role="tablist" class="nav gl-tabs-nav">
<li role="presentation" class="nav-item"><a role="tab" class="nav-link gl-tab-nav-item active gl-tab-nav-item-active" aria-selected="true">Summary</a></li>
<li role="presentation" class="nav-item"><a role="tab" class="nav-link gl-tab-nav-item" aria-selected="false">Timeline</a></li>
</ul>
<div class="tab-content gl-tab-content">
<div role="tabpanel" class="tab-pane active" data-testid="summary-tab"><div class="description"><div class="md"><p dir="auto">${description}</p></div></div></div>
<div role="tabpanel" class="tab-pane" data-testid="timeline-tab" style="display: none;"></div>
</div></div></div>`;

/** Classic issue or incident body. Incidents always get the tabs, whichever route served them. */
export function classicMain(state: SandboxState, project: SandboxProject, issue: SandboxIssue): string {
  const incident = issue.issueType === 'incident';
  const description = escapeHtml(issue.description);
  const initial = {
    endpoint: `/${project.path}/-/issues/${issue.iid}`, updateEndpoint: `/${project.path}/-/issues/${issue.iid}.json`,
    canUpdate: true, issuableRef: `#${issue.iid}`, issueType: issue.issueType, iid: String(issue.iid),
    projectPath: project.path.split('/').pop(), projectNamespace: namespacePath(project),
    initialTitleText: issue.title, initialDescriptionText: issue.description,
  };
  return `${issueNav(state, project, issue)}
<div class="flash-container flash-container-page sticky" data-testid="flash-container"></div>
<div class="issue-details issuable-details js-issue-details">
<div class="detail-page-description content-block js-detail-page-description">
<div id="js-issuable-app" data-initial="${escapeHtml(JSON.stringify(initial))}" data-header-actions-data="{}">
<div class="gl-flex gl-flex-col gl-items-start gl-gap-3 gl-pt-3 md:gl-flex-row"><h1 class="title gl-heading-1 !gl-m-0" data-testid="issue-title" dir="auto">${escapeHtml(issue.title)}</h1></div>
${incident ? incidentTabs(description) : `<div class="description"><div class="md"><p dir="auto">${description}</p></div></div>`}
</div>
<div class="js-issue-widgets"></div>
</div>
<div class="js-issue-widgets"><div id="js-related-merge-requests"${dataAttrs({ hasClosingMergeRequest: false, projectPath: project.path, iid: issue.iid })}></div></div>
<div class="js-issue-widgets"><ul class="notes main-notes-list timeline" id="notes-list"></ul></div>
</div>
${sidebar(state, project, issue)}`;
}
