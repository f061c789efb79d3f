/**
 * GitLab's Retry-After, honoured by every surface (panel, popup, review page, options, badge alarm,
 * context menu): each gateway the worker builds checks the block before a request and records it
 * after a 429, so no caller can forget to (case C10).
 */
import type { GitLabGateway } from '@/lib/gitlab/gateway';
import { GitLabRequestError, asApiError, rateLimitSentence } from '@/lib/gitlab/errors';
import { rateLimitedUntilItem } from '@/lib/settings';

async function refuseWhileBlocked(now: Date): Promise<void> {
  const waitMs = (await rateLimitedUntilItem.getValue()) - now.getTime();
  if (waitMs <= 0) return;
  const retryAfter = Math.ceil(waitMs / 1000);
  throw new GitLabRequestError({ kind: 'rate-limited', status: 429, retryAfter, message: rateLimitSentence(retryAfter) });
}

let writes: Promise<void> = Promise.resolve();

/** One write at a time: a shorter Retry-After from a concurrent request never shortens a longer wait. */
function remember(error: unknown, now: Date): Promise<void> {
  const info = asApiError(error);
  if (info.kind !== 'rate-limited' || info.retryAfter === undefined) return writes;
  const until = now.getTime() + info.retryAfter * 1000;
  writes = writes.then(async () => {
    if (until > (await rateLimitedUntilItem.getValue())) await rateLimitedUntilItem.setValue(until);
  }).catch(() => undefined);
  return writes;
}

/** The same gateway, with every call refused inside the Retry-After window and every 429 remembered. */
export function honourRetryAfter(gateway: GitLabGateway, now: () => Date): GitLabGateway {
  return new Proxy(gateway, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await refuseWhileBlocked(now());
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          await remember(error, now());
          throw error;
        }
      };
    },
  });
}
