import type { IssueSummary } from '@/lib/messaging';
import type { LabelNames } from '@/lib/retro/labels';
import { hasLabel } from '@/lib/retro/labels';
import { formatCalendarDate } from '@/lib/retro/due-date';

/** The retro state as GitLab has it. Every GitLab value is rendered as text. */
export function RetroStatus({ issue, labels }: { issue: IssueSummary; labels: LabelNames }) {
  const yesNo = (name: string) => (hasLabel(issue.labels, name) ? '✓ applied' : 'not applied');
  return (
    <dl class="status">
      <dt><code>{labels.retro}</code></dt>
      <dd data-testid="status-retro">{yesNo(labels.retro)}</dd>
      <dt><code>{labels.retroActions}</code></dt>
      <dd data-testid="status-retro-actions">{yesNo(labels.retroActions)}</dd>
      <dt>Due date</dt>
      <dd data-testid="status-due-date">{issue.dueDate ? formatCalendarDate(issue.dueDate) : 'none'}</dd>
      <dt>Assignees</dt>
      <dd data-testid="status-assignees">
        {issue.assignees.length ? issue.assignees.map((user, index) => <span class="name" key={user.id}>@{user.username}{index < issue.assignees.length - 1 ? ',' : ''}</span>) : 'none'}
      </dd>
    </dl>
  );
}
