/** The toolbar badge: how many of my retros are overdue. Read from the cache; refreshed by an alarm. */
import { badgeText, overdueCount } from '@/lib/retro/my-retros';
import { tokenItem } from '@/lib/settings';
import type { BackgroundDeps } from './context';
import { cachedMyRetros, refreshMyRetros } from './my-retros-handlers';

export interface BadgeApi {
  setText(text: string): Promise<void>;
}

/** No request: shows what the cache says (nothing without a token). */
export async function showBadge(deps: Pick<BackgroundDeps, 'now'>, badge: BadgeApi): Promise<string> {
  const view = await cachedMyRetros();
  const text = view.configured && view.cache ? badgeText(overdueCount(view.cache.items, deps.now())) : '';
  await badge.setText(text);
  return text;
}

/**
 * Fetches my retros again, then shows the count. No token: no request at all (case C14a).
 * A failure keeps the last count: the popup is where errors are explained.
 */
export async function refreshBadge(deps: BackgroundDeps, badge: BadgeApi): Promise<string> {
  if ((await tokenItem.getValue()) === '') return showBadge(deps, badge);
  try {
    await refreshMyRetros(deps);
  } catch {
    // kept: the last known count
  }
  return showBadge(deps, badge);
}
