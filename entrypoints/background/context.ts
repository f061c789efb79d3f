/** What every handler needs: settings, a gateway built from the stored token, the clock. */
import type { GatewayConfig, GitLabGateway } from '@/lib/gitlab/gateway';
import { GitLabRequestError, noTokenError } from '@/lib/gitlab/errors';
import { rateLimitedUntilItem, settingsItem, tokenItem, type Settings } from '@/lib/settings';
import { parseRoster, type Roster } from '@/lib/retro/roster';

export interface BackgroundDeps {
  createGateway(config: GatewayConfig): GitLabGateway;
  now(): Date;
  /** Loads the retro panel into a tab (scripting API). */
  injectPanel(tabId: number, frameId: number): Promise<void>;
  /** Loads the Timeline section's script into a tab that shows a retro panel. */
  injectTimeline(tabId: number, frameId: number): Promise<void>;
  openOptions(): Promise<void>;
}

/**
 * Read on every request: the worker is stopped when idle and must work from a cold start.
 * No token: no request at all (case C14a). Inside GitLab's Retry-After window: none either.
 */
export async function connect(deps: BackgroundDeps): Promise<{ settings: Settings; gateway: GitLabGateway }> {
  const [settings, token, rateLimitedUntil] = await Promise.all([
    settingsItem.getValue(),
    tokenItem.getValue(),
    rateLimitedUntilItem.getValue(),
  ]);
  if (!token) throw new GitLabRequestError(noTokenError());
  const waitMs = rateLimitedUntil - deps.now().getTime();
  if (waitMs > 0) {
    const retryAfter = Math.ceil(waitMs / 1000);
    throw new GitLabRequestError({
      kind: 'rate-limited',
      status: 429,
      retryAfter,
      message: `GitLab is rate limiting your requests. Try again in ${retryAfter} s.`,
    });
  }
  return { settings, gateway: deps.createGateway({ host: settings.gitlabUrl, token }) };
}

export function rosterOf(settings: Settings): Roster {
  const parsed = parseRoster(settings.rosterText);
  return parsed.ok ? parsed.roster : {};
}
