import { describe, expect, it } from 'vitest';
import { parseIssueReference, referenceOf } from '@/lib/gitlab/issue-reference';

describe('parseIssueReference', () => {
  it.each([
    ['gitlab-org/gitlab#7', { projectPath: 'gitlab-org/gitlab', iid: 7 }],
    ['  group/sub/project#123 ', { projectPath: 'group/sub/project', iid: 123 }],
    ['https://gitlab.com/gitlab-org/gitlab/-/issues/7', { projectPath: 'gitlab-org/gitlab', iid: 7 }],
    ['https://gitlab.com/gitlab-org/gitlab/-/work_items/9#note_1', { projectPath: 'gitlab-org/gitlab', iid: 9 }],
  ])('%s', (input, expected) => {
    expect(parseIssueReference(input, 'https://gitlab.com')).toMatchObject(expected);
  });

  it.each(['#7', 'gitlab#7', 'gitlab-org/gitlab#0', 'gitlab-org/gitlab!7', 'https://evil.example/g/p/-/issues/1', ''])('rejects %j', (input) => {
    expect(parseIssueReference(input, 'https://gitlab.com')).toBeNull();
  });

  it('formats references', () => {
    expect(referenceOf({ projectPath: 'g/p', iid: 3 })).toBe('g/p#3');
  });
});
