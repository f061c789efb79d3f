/** An existing issue named by the user: its URL, or GitLab's `group/project#123` reference. */
import type { IssueRef } from './issue-ref';
import { parseIssueUrl } from './issue-url';

const REFERENCE = /^([\w.-]+(?:\/[\w.-]+)+)#(\d+)$/;

export function parseIssueReference(input: string, gitlabOrigin: string): IssueRef | null {
  const text = input.trim();
  const reference = REFERENCE.exec(text);
  if (reference) {
    const iid = Number(reference[2]);
    return iid > 0 ? { projectPath: reference[1]!, iid, view: 'issues' } : null;
  }
  const parsed = parseIssueUrl(text, gitlabOrigin);
  return parsed?.kind === 'project-issue' ? parsed.ref : null;
}

export const referenceOf = (ref: Pick<IssueRef, 'projectPath' | 'iid'>): string => `${ref.projectPath}#${ref.iid}`;
