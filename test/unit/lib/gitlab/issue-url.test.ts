import { describe, expect, it } from 'vitest';
import type { IssueView, ParsedIssueUrl } from '@/lib/gitlab/issue-ref';
import { isEmergencyProject, parseIssueUrl } from '@/lib/gitlab/issue-url';

const GL = 'https://gitlab.com';
const EX = 'https://gitlab.example.com';

const issue = (projectPath: string, iid: number, view: IssueView = 'issues'): ParsedIssueUrl => ({
  kind: 'project-issue',
  ref: { projectPath, iid, view },
});
const groupItem = (groupPath: string, iid: number): ParsedIssueUrl => ({
  kind: 'group-work-item',
  ref: { groupPath, iid },
});
/** The drawer token as GitLab writes it: base64 of JSON, percent-encoded in the query. */
const show = (data: unknown): string => encodeURIComponent(btoa(JSON.stringify(data)));
const drawer42 = show({ id: 'gid://gitlab/WorkItem/123', iid: '42', full_path: 'group/project' });

const cases: [string, string, ParsedIssueUrl | null][] = [
  // Classic issue pages, any depth of subgroups.
  [`${GL}/group/project/-/issues/42`, GL, issue('group/project', 42)],
  [`${GL}/gitlab-org/gitlab/-/issues/1`, GL, issue('gitlab-org/gitlab', 1)],
  [`${GL}/a/b/c/d/project/-/issues/7`, GL, issue('a/b/c/d/project', 7)],
  [`${GL}/group/project/-/issues/42/`, GL, issue('group/project', 42)],
  [`${GL}/group/project/-/issues/42?sort=created_date#note_123`, GL, issue('group/project', 42)],
  [`${GL}/group/project/-/issues/42#note_987654`, GL, issue('group/project', 42)],
  [`${GL}/Group.Name/my_project-2/-/issues/3`, GL, issue('Group.Name/my_project-2', 3)],
  [`${GL}/group/pr%C3%B6ject/-/issues/5`, GL, issue('group/pröject', 5)],
  // Incident tabs and designs are still the same issue.
  [`${GL}/group/project/-/issues/42/timeline`, GL, issue('group/project', 42)],
  [`${GL}/group/project/-/issues/42/metrics`, GL, issue('group/project', 42)],
  [`${GL}/group/project/-/issues/42/alerts`, GL, issue('group/project', 42)],
  [`${GL}/group/project/-/issues/42/designs/screen%20shot.png`, GL, issue('group/project', 42)],
  [`${GL}/group/project/-/issues/incident/42`, GL, issue('group/project', 42, 'incident')],
  [`${GL}/group/project/-/issues/incident/42/timeline`, GL, issue('group/project', 42, 'incident')],
  // Work items (C15: the note anchor is ignored).
  [`${EX}/group/sub/proj/-/work_items/42#note_123`, EX, issue('group/sub/proj', 42, 'work_items')],
  [`${GL}/group/project/-/work_items/42/designs/a.png`, GL, issue('group/project', 42, 'work_items')],
  // Group-level work items (C15) get their own kind, so no project-issue API call.
  [`${GL}/groups/gitlab-org/-/work_items/8741`, GL, groupItem('gitlab-org', 8741)],
  [`${GL}/groups/gitlab-org/sub/-/work_items/5?x=1`, GL, groupItem('gitlab-org/sub', 5)],
  // The drawer on list and board pages.
  [`${GL}/group/project/-/issues?show=${drawer42}`, GL, issue('group/project', 42, 'work_items')],
  [`${GL}/group/project/-/issues?label_name[]=retro&show=${drawer42}`, GL, issue('group/project', 42, 'work_items')],
  [`${GL}/group/project/-/boards/7?show=${drawer42}`, GL, issue('group/project', 42, 'work_items')],
  [`${GL}/group/project/-/boards?show=${drawer42}`, GL, issue('group/project', 42, 'work_items')],
  [`${GL}/group/project/-/work_items?show=${drawer42}`, GL, issue('group/project', 42, 'work_items')],
  // A group's list or board opens a project's issue: the drawer names the project.
  [`${GL}/groups/group/-/issues?show=${drawer42}`, GL, issue('group/project', 42, 'work_items')],
  [`${GL}/groups/group/-/boards/3?show=${drawer42}`, GL, issue('group/project', 42, 'work_items')],
  [`${GL}/other/project/-/issues?show=${show({ iid: 9 })}`, GL, issue('other/project', 9, 'work_items')],
  [`${GL}/group/project/-/issues?show=${drawer42.replace(/%3D/g, '')}`, GL, issue('group/project', 42, 'work_items')],
  // Relative URL root and trailing slash on the configured origin.
  ['https://example.com/gitlab/group/project/-/issues/3', 'https://example.com/gitlab', issue('group/project', 3)],
  ['https://example.com/gitlab/group/project/-/issues/3', 'https://example.com/gitlab/', issue('group/project', 3)],
  [`${GL}/group/project/-/issues/3`, `${GL}/`, issue('group/project', 3)],
  ['https://GitLab.com:443/group/project/-/issues/3', GL, issue('group/project', 3)],

  // Not an issue page.
  [`${GL}/group/project/-/issues`, GL, null],
  [`${GL}/group/project/-/issues/new`, GL, null],
  [`${GL}/group/project/-/issues/0`, GL, null],
  [`${GL}/group/project/-/issues/-1`, GL, null],
  [`${GL}/group/project/-/issues/042`, GL, null],
  [`${GL}/group/project/-/issues/1.5`, GL, null],
  [`${GL}/group/project/-/issues/99999999999999999999`, GL, null],
  [`${GL}/group/project/-/issues/42/edit`, GL, null],
  [`${GL}/group/project/-/merge_requests/42`, GL, null],
  [`${GL}/group/project/-/boards/7`, GL, null],
  [`${GL}/group/project/-/issues?show=not-base64!!`, GL, null],
  [`${GL}/group/project/-/issues?show=${encodeURIComponent(btoa('{"iid":'))}`, GL, null],
  [`${GL}/group/project/-/issues?show=${show({ iid: 'abc', full_path: 'group/project' })}`, GL, null],
  [`${GL}/group/project/-/issues?show=${show({ iid: '4', full_path: '../x' })}`, GL, null],
  [`${GL}/group/project/-/issues?show=${show([42])}`, GL, null],
  [`${GL}/group/project/-/merge_requests?show=${drawer42}`, GL, null],
  [`${GL}/groups/group/-/issues?show=${show({ iid: '42' })}`, GL, null], // no project named: no guess
  [`${GL}/project/-/issues/42`, GL, null],
  [`${GL}/-/issues/42`, GL, null],
  [`${GL}/api/v4/-/issues/42`, GL, null],
  [`${GL}/users/alice/-/issues/42`, GL, null],
  [`${GL}/dashboard/issues/-/issues/42`, GL, null],
  [`${GL}/explore/projects/-/issues/42`, GL, null],
  [`${GL}/admin/x/-/issues/42`, GL, null],
  [`${GL}/help/user/-/issues/42`, GL, null],
  [`${GL}/groups/gitlab-org/-/issues/42`, GL, null],
  [`${GL}/groups/gitlab-org/-/epics/42`, GL, null],
  [`${GL}/groups/-/work_items/42`, GL, null],
  [`${GL}/group/project/issues/42`, GL, null],
  [`${GL}/group/a%2Fb/-/issues/42`, GL, null],
  [`${GL}/group/%E0%A4%A/-/issues/42`, GL, null],
  ['https://gitlab.example.com/group/project/-/issues/42', GL, null],
  ['http://gitlab.com/group/project/-/issues/42', GL, null],
  ['https://gitlab.com.evil.test/group/project/-/issues/42', GL, null],
  ['https://example.com/other/group/project/-/issues/3', 'https://example.com/gitlab', null],
  ['https://example.com/gitlabx/project/-/issues/3', 'https://example.com/gitlab', null],
  ['not a url', GL, null],
  [`${GL}/group/project/-/issues/42`, 'not an origin', null],
];

describe('parseIssueUrl', () => {
  it.each(cases)('%s (origin %s)', (url, origin, expected) => {
    expect(parseIssueUrl(url, origin)).toEqual(expected);
  });

  it('accepts a URL object', () => {
    expect(parseIssueUrl(new URL(`${GL}/g/p/-/issues/2`), GL)).toEqual(issue('g/p', 2));
  });

  it('reads the drawer token even when its "+" arrived unencoded (as a space)', () => {
    const token = btoa(JSON.stringify({ iid: '42', full_path: 'group/project', pad: '>>>' }));
    expect(token).toContain('+');
    expect(parseIssueUrl(`${GL}/group/project/-/issues?show=${token}`, GL)).toEqual(
      issue('group/project', 42, 'work_items'),
    );
  });

  it('C1: the reference comes from the URL it is given, so 42 then 43 gives 43', () => {
    const first = parseIssueUrl(`${GL}/g/p/-/work_items/42`, GL);
    const second = parseIssueUrl(`${GL}/g/p/-/issues/43`, GL);
    expect(first).toEqual(issue('g/p', 42, 'work_items'));
    expect(second).toEqual(issue('g/p', 43));
  });
});

describe('isEmergencyProject', () => {
  const projects = ['gitlab-com/support/emergencies', ' /Other/Proj/ '];

  it.each([
    ['gitlab-com/support/emergencies', true],
    ['GitLab-com/Support/Emergencies', true],
    ['/gitlab-com/support/emergencies/', true],
    ['other/proj', true],
    ['gitlab-com/support', false],
    ['gitlab-com/support/emergencies-2', false],
    ['', false],
  ])('%s → %s', (path, expected) => {
    expect(isEmergencyProject(path, projects)).toBe(expected);
  });

  it('ignores blank entries in the configuration', () => {
    expect(isEmergencyProject('', ['', ' / '])).toBe(false);
  });
});
