import { describe, expect, it } from 'vitest';
import { labelAppliedAt, retroItemOf } from '@/lib/gitlab/retro-item-of';
import type { GitLabLabelEvent } from '@/lib/gitlab/types';
import { apiFixture } from '../../helpers/gitlab-fixtures';
import { listedIssue } from '../../helpers/listed-issues';

const event = (id: number, name: string, action: 'add' | 'remove', at: string): GitLabLabelEvent => ({ id, created_at: at, action, label: { id: 1, name } });

describe('retroItemOf', () => {
  it('takes the project from references.full and keeps GitLab values as they are', () => {
    const item = retroItemOf(listedIssue(8, ['retro'], { title: '<b>x</b>', due_date: '2025-03-16' }), 'https://gitlab.com');
    expect(item).toMatchObject({ key: 'gitlab-com/support/readiness/emergencies#8', projectPath: 'gitlab-com/support/readiness/emergencies', iid: 8, title: '<b>x</b>', dueDate: '2025-03-16' });
  });

  it('drops a web_url that is not on the configured instance', () => {
    expect(retroItemOf(listedIssue(1, [], { web_url: 'javascript:alert(1)' }), 'https://gitlab.com').webUrl).toBe('');
    expect(retroItemOf(listedIssue(1, [], { web_url: 'https://evil.example/x' }), 'https://gitlab.com').webUrl).toBe('');
  });

  it('reads the documented list-issues example', () => {
    const [first] = apiFixture<Parameters<typeof retroItemOf>[0][]>('list-issues.json');
    const item = retroItemOf(first!, 'http://gitlab.example.com');
    expect(item.iid).toBe(first!.iid);
    expect(item.assignees.length).toBe((first!.assignees ?? []).length);
  });
});

describe('labelAppliedAt', () => {
  it('the last time the label was added, case ignored', () => {
    expect(labelAppliedAt([event(1, 'Retro-Actions', 'add', '2025-03-01T00:00:00Z'), event(2, 'retro', 'add', '2025-03-05T00:00:00Z')], 'retro-actions')).toBe('2025-03-01T00:00:00Z');
  });

  it('removed and added again: the second add counts; removed last: none', () => {
    const events = [event(1, 'retro-actions', 'add', '2025-03-01T00:00:00Z'), event(2, 'retro-actions', 'remove', '2025-03-02T00:00:00Z')];
    expect(labelAppliedAt(events, 'retro-actions')).toBeNull();
    expect(labelAppliedAt([...events, event(3, 'retro-actions', 'add', '2025-03-04T00:00:00Z')], 'retro-actions')).toBe('2025-03-04T00:00:00Z');
  });

  it('events of deleted labels (label: null) are ignored', () => {
    expect(labelAppliedAt([{ id: 1, created_at: '2025-03-01T00:00:00Z', action: 'add', label: null }], 'retro-actions')).toBeNull();
  });
});
