/**
 * What the popup, badge and review page show before GitLab answered: the last answers, kept in
 * extension storage by the background worker. Extension contexts only (like settings.ts).
 */
import { storage } from 'wxt/utils/storage';
import type { MyRetrosCache, ReviewData } from './messaging';

/** Retros assigned to me, as last fetched; `instance` guards against a changed GitLab URL. */
export const myRetrosItem = storage.defineItem<MyRetrosCache | null>('local:myRetros', { fallback: null });

/** When `retro-actions` was last added, and the issue's `updated_at` it was read for. */
export interface AppliedAt {
  at: string;
  updatedAt: string;
}

/**
 * `<origin>/<project>#<iid>` → when `retro-actions` was added. Good while the issue is unchanged:
 * removing and adding the label again changes its `updated_at`, and the date is read anew.
 */
export const retroActionsAppliedItem = storage.defineItem<Record<string, AppliedAt>>('local:retroActionsAppliedAt', {
  fallback: {},
  version: 2,
  // Version 1 kept the date alone, with nothing to tell when it went stale: read each once more.
  migrations: { 2: () => ({}) },
});

/** The leaders' review data, as last fetched. */
export const reviewItem = storage.defineItem<(ReviewData & { instance: string }) | null>('local:reviewData', { fallback: null });
