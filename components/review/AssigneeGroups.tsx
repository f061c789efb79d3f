import { useState } from 'preact/hooks';
import type { AssigneeGroup } from '@/lib/retro/review';
import { staleReason } from '@/lib/retro/staleness';
import { formatCalendarDate } from '@/lib/retro/due-date';
import { daysSince } from '@/lib/retro/my-retros';
import { ShowMore } from './ShowMore';

/** Rows added per step: the first paint stays small however many retros there are. */
export const ROW_STEP = 100;

function updatedAgo(iso: string, now: Date): string {
  const days = daysSince(iso, now);
  return days === null ? '—' : days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`;
}

const REASONS = { overdue: 'past due', 'no-update': 'no update for 7+ days' } as const;

/**
 * Open retros with actions, grouped by assignee, stale first. Rendered incrementally: the first
 * ROW_STEP rows, then more on request, so 1,000+ retros never block the page.
 */
export function AssigneeGroups({ groups, now }: { groups: AssigneeGroup[]; now: Date }) {
  const [limit, setLimit] = useState(ROW_STEP);
  const total = groups.reduce((sum, group) => sum + group.items.length, 0);
  let budget = limit;
  return (
    <div data-testid="assignee-groups">
      {groups.map((group) => {
        if (budget <= 0) return null;
        const shown = group.items.slice(0, budget);
        budget -= shown.length;
        return (
          <section key={group.assignee} class="group" aria-label={`Assigned to ${group.assignee}`}>
            <h3>
              {group.assignee.startsWith('(') ? group.assignee : `@${group.assignee}`}{' '}
              <span class="muted" data-testid="group-counts">{group.items.length} open, {group.staleCount} stale</span>
            </h3>
            <table class="retro-table">
              <thead><tr><th scope="col">Retro</th><th scope="col">Due</th><th scope="col">Updated</th><th scope="col">Stale</th></tr></thead>
              <tbody>
                {shown.map((item) => {
                  const reason = staleReason(item, now);
                  return (
                    <tr key={item.key} class={reason ? 'stale' : ''} data-testid="review-row">
                      <td>
                        {item.webUrl ? <a href={item.webUrl} target="_blank" rel="noopener noreferrer">{item.title}</a> : item.title}
                        <div class="muted small">{item.key}</div>
                      </td>
                      <td>{item.dueDate ? formatCalendarDate(item.dueDate) : '—'}</td>
                      <td>{updatedAgo(item.updatedAt, now)}</td>
                      <td>{reason ? REASONS[reason] : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
      <ShowMore shown={limit} total={total} step={ROW_STEP} onMore={() => setLimit(limit + ROW_STEP)} testId="more-rows" />
    </div>
  );
}
