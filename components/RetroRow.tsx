import type { RetroItem } from '@/lib/retro/retro-item';
import { formatCalendarDate } from '@/lib/retro/due-date';
import { daysSince, isOverdue } from '@/lib/retro/my-retros';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One retro in the popup: every GitLab value rendered as text; the title opens the issue. */
export function RetroRow({ item, now }: { item: RetroItem; now: Date }) {
  const overdue = isOverdue(item, now);
  const applied = daysSince(item.retroActionsAppliedAt, now);
  return (
    <li class={`retro${overdue ? ' overdue' : ''}`} data-testid="retro-row" data-key={item.key}>
      {item.webUrl ? <a href={item.webUrl} target="_blank" rel="noopener noreferrer">{item.title}</a> : <span>{item.title}</span>}
      <div class="meta">
        <span class="ref">{item.key}</span>
        {item.dueDate && (
          <span class={overdue ? 'due overdue-text' : 'due'} data-testid="due">
            {overdue ? 'Overdue: ' : 'Due '}{formatCalendarDate(item.dueDate)}
          </span>
        )}
        {applied !== null && <span data-testid="applied">retro-actions {applied === 0 ? 'applied today' : `applied ${plural(applied, 'day')} ago`}</span>}
      </div>
      <ul class="labels" aria-label="Labels">
        {item.labels.map((label) => <li class="chip" key={label}>{label}</li>)}
      </ul>
    </li>
  );
}
