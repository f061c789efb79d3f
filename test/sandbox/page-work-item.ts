/**
 * `main#content-body` of the work-item view (pages/work-item-view-issue.html and work-item.html):
 * `#js-work-items` plus the post-mount Vue DOM with its right sidebar. Used for project issues and
 * for group-level work items alike.
 */
import { escapeHtml } from './escape.ts';
import { assigneeLink, dataAttrs, formatDate, labelChip } from './page-layout.ts';
import type { SandboxUser } from './types.ts';

export interface WorkItemView {
  title: string;
  description: string;
  /** Project or group full path (`data-full-path`). */
  fullPath: string;
  groupPath: string;
  groupId: number;
  issuesListPath: string;
  labels: string[];
  assignees: SandboxUser[];
  dueDate: string | null;
  /** Markup placed before the app, e.g. previous/next links. */
  nav?: string;
}

const widget = (testid: string, cls: string, title: string, body: string, editable = true): string =>
  `<section data-testid="${testid}" class="${cls} work-item-attributes-item">` +
  `<div class="gl-flex gl-items-center gl-gap-3 sandbox-widget-head"><h3 class="gl-heading-5 gl-mb-0">${escapeHtml(title)}</h3>` +
  (editable ? '<button type="button" data-testid="edit-button" class="btn btn-sm shortcut-sidebar-dropdown-toggle gl-ml-auto">Edit</button>' : '') +
  `</div>${body}</section>`;

export function workItemMain(v: WorkItemView): string {
  const assignees = v.assignees.length ? v.assignees.map((u) => `<div>${assigneeLink(u)}</div>`).join('') : '<span class="gl-text-subtle">None - assign yourself</span>';
  const labels = `<div class="gl-mt-1 gl-flex gl-flex-wrap gl-gap-2" data-testid="selected-label-content">${
    v.labels.length ? v.labels.map((l) => labelChip(v.issuesListPath, l, true)).join('') : '<span class="gl-text-subtle">None</span>'}</div>`;
  const due = v.dueDate ? escapeHtml(formatDate(v.dueDate)) : 'None';
  const appData = {
    fullPath: v.fullPath, groupPath: v.groupPath, issuesListPath: v.issuesListPath, labelsManagePath: `/${v.fullPath}/-/labels`,
    canAdminLabel: true, isSignedIn: true, defaultBranch: 'main', reportAbusePath: '/-/abuse_reports/add_category', groupId: v.groupId,
  };
  return `${v.nav ?? ''}
<div class="flash-container flash-container-page sticky" data-testid="flash-container"></div>
<div id="js-work-items"${dataAttrs(appData)}>
<div data-testid="work-item-detail"><section class="work-item-view"><section><div data-testid="detail-wrapper">
<div class="gl-block gl-flex-row gl-items-start gl-gap-3 sm:!gl-flex">
<div data-testid="work-item-type"><h1 data-testid="work-item-title" class="gl-heading-1 !gl-m-0 gl-w-full"><span>${escapeHtml(v.title)}</span></h1></div>
<div class="gl-ml-auto gl-mt-1 gl-flex gl-gap-3 gl-self-start"><button type="button" data-testid="work-item-edit-form-button" class="btn shortcut-edit-wi-description">Edit</button></div>
</div>
<div data-testid="work-item-overview" class="work-item-overview">
<section><div class="work-item-description"><div class="md"><p dir="auto">${escapeHtml(v.description)}</p></div></div></section>
<aside data-testid="work-item-overview-right-sidebar" class="work-item-overview-right-sidebar"><div class="work-item-attributes-wrapper">
${widget('work-item-assignees', 'js-assignee', v.assignees.length > 1 ? 'Assignees' : 'Assignee', assignees)}
${widget('work-item-labels', 'js-labels', 'Labels', labels)}
${widget('work-item-milestone', 'js-milestone', 'Milestone', '<span>None</span>')}
${widget('work-item-due-dates', '', 'Dates', `<p><span>Start:</span> <span>None</span></p><p><span>Due:</span> <span data-testid="work-item-due-date-value">${due}</span></p>`)}
</div></aside>
<div class="work-item-notes"><ul class="notes main-notes-list timeline"></ul>
<form class="common-note-form gfm-form js-main-target-form new-note"><textarea id="work-item-add-or-edit-comment" name="work-item-add-or-edit-comment" aria-label="Add a reply" placeholder="Write a comment or drag your files here…" data-testid="markdown-editor-form-field" class="note-textarea js-gfm-input markdown-area"></textarea>
<div class="note-form-actions" data-testid="work-item-comment-form-actions"><button type="button" data-testid="confirm-button" class="btn btn-confirm">Comment</button></div></form></div>
</div>
</div></section></section></div>
</div>`;
}
