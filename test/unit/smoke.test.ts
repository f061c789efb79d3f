import { describe, expect, it } from 'vitest';
import { sameIssue } from '@/lib/gitlab/issue-ref';

describe('sameIssue', () => {
  it('compares project path case-insensitively and iid exactly', () => {
    const a = { projectPath: 'Group/Proj', iid: 1, view: 'issues' as const };
    expect(sameIssue(a, { ...a, projectPath: 'group/proj', view: 'work_items' })).toBe(true);
    expect(sameIssue(a, { ...a, iid: 2 })).toBe(false);
    expect(sameIssue(a, null)).toBe(false);
  });
});
