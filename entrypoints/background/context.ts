/** What every handler needs: settings, a gateway built from the stored token, the clock. */
import type { GatewayConfig, GitLabGateway } from '@/lib/gitlab/gateway';
import { GitLabRequestError, noTokenError } from '@/lib/gitlab/errors';
import { settingsItem, tokenItem, type Settings } from '@/lib/settings';
import { parseRoster, type Roster } from '@/lib/retro/roster';
import { honourRetryAfter } from './rate-limit';

export interface BackgroundDeps {
  createGateway(config: GatewayConfig): GitLabGateway;
  now(): Date;
  /** Loads the retro panel into a tab (scripting API). */
  injectPanel(tabId: number, frameId: number): Promise<void>;
  /** Loads the Timeline section's script into a tab that shows a retro panel. */
  injectTimeline(tabId: number, frameId: number): Promise<void>;
  openOptions(): Promise<void>;
}

/** Every gateway the worker uses: none may send a request inside GitLab's Retry-After window. */
export function gatewayFor(deps: Pick<BackgroundDeps, 'createGateway' | 'now'>, config: GatewayConfig): GitLabGateway {
  return honourRetryAfter(deps.createGateway(config), deps.now);
}

/**
 * Read on every request: the worker is stopped when idle and must work from a cold start.
 * No token: no request at all (case C14a).
 */
export async function connect(deps: BackgroundDeps): Promise<{ settings: Settings; gateway: GitLabGateway }> {
  const [settings, token] = await Promise.all([settingsItem.getValue(), tokenItem.getValue()]);
  if (!token) throw new GitLabRequestError(noTokenError());
  return { settings, gateway: gatewayFor(deps, { host: settings.gitlabUrl, token }) };
}

export function rosterOf(settings: Settings): Roster {
  const parsed = parseRoster(settings.rosterText);
  return parsed.ok ? parsed.roster : {};
}
