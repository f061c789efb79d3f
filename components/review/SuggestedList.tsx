import { useState } from 'preact/hooks';
import type { RetroItem } from '@/lib/retro/retro-item';
import { ROW_STEP } from './AssigneeGroups';
import { ShowMore } from './ShowMore';

/** Retros suggested and not run yet: ROW_STEP at a time, like the open retros, so every one can be reached. */
export function SuggestedList({ items }: { items: readonly RetroItem[] }) {
  const [limit, setLimit] = useState(ROW_STEP);
  return (
    <>
      <ul class="suggested" data-testid="suggested-list">
        {items.slice(0, limit).map((item) => (
          <li key={item.key}>{item.webUrl ? <a href={item.webUrl} target="_blank" rel="noopener noreferrer">{item.title}</a> : item.title} <span class="muted small">{item.key}</span></li>
        ))}
      </ul>
      <ShowMore shown={limit} total={items.length} step={ROW_STEP} onMore={() => setLimit(limit + ROW_STEP)} testId="more-suggested" />
    </>
  );
}
