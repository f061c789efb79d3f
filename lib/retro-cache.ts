/**
 * What the popup, badge and review page show before GitLab answered: the last answers, kept in
 * extension storage by the background worker. Extension contexts only (like settings.ts).
 */
import { storage } from 'wxt/utils/storage';
import type { MyRetrosCache, ReviewData } from './messaging';

/** Retros assigned to me, as last fetched; `instance` guards against a changed GitLab URL. */
export const myRetrosItem = storage.defineItem<MyRetrosCache | null>('local:myRetros', { fallback: null });

/** `<origin>/<project>#<iid>` → when `retro-actions` was added: label events never change, so fetched once. */
export const retroActionsAppliedItem = storage.defineItem<Record<string, string>>('local:retroActionsAppliedAt', { fallback: {} });

/** The leaders' review data, as last fetched. */
export const reviewItem = storage.defineItem<(ReviewData & { instance: string }) | null>('local:reviewData', { fallback: null });
