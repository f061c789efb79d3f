/** Options page and roster requests: load and save settings, check the token, add a roster pair. */
import { myRetrosItem, reviewItem } from '@/lib/retro-cache';
import type { RequestOf, SettingsView, TokenStatus } from '@/lib/messaging';
import type { GitLabTokenInfo, GitLabUser } from '@/lib/gitlab/types';
import { GitLabRequestError, asApiError } from '@/lib/gitlab/errors';
import { settingsItem, tokenItem, tokenStatusItem } from '@/lib/settings';
import { parseRoster } from '@/lib/retro/roster';
import { gatewayFor, type BackgroundDeps } from './context';

export const tokenStatusOf = (user: Pick<GitLabUser, 'username' | 'name'>, token: GitLabTokenInfo): TokenStatus =>
  ({ username: user.username, name: user.name, scopes: token.scopes, expiresAt: token.expires_at });

async function view(tokenError: SettingsView['tokenError'] = null): Promise<SettingsView> {
  const [settings, token, status] = await Promise.all([settingsItem.getValue(), tokenItem.getValue(), tokenStatusItem.getValue()]);
  return { settings, hasToken: token !== '', token: token ? status : null, tokenError };
}

export const loadSettings = (): Promise<SettingsView> => view();

/** Settings are saved as given; a new token is kept only once GitLab accepted it. */
export async function saveSettings(deps: BackgroundDeps, { settings, token }: RequestOf<'settings:save'>): Promise<SettingsView> {
  const roster = parseRoster(settings.rosterText);
  if (!roster.ok) {
    const first = roster.errors[0];
    throw new GitLabRequestError({ kind: 'rejected', status: 0, message: `Manager roster, ${first?.message}` });
  }
  const previous = await settingsItem.getValue();
  await settingsItem.setValue(settings);
  // The lists were fetched for the old settings (projects, labels) or the old token's user: not shown as current.
  if (token !== undefined || JSON.stringify(previous) !== JSON.stringify(settings)) await Promise.all([myRetrosItem.removeValue(), reviewItem.removeValue()]);
  const instanceChanged = new URL(previous.gitlabUrl).origin !== new URL(settings.gitlabUrl).origin;
  // A token belongs to one instance: it is never sent to another one.
  if (token === '' || instanceChanged) await forgetToken();
  if (token === '' || token === undefined) return view();
  const gateway = gatewayFor(deps, { host: settings.gitlabUrl, token });
  try {
    const [user, info] = await Promise.all([gateway.currentUser(), gateway.tokenInfo()]);
    await Promise.all([tokenItem.setValue(token), tokenStatusItem.setValue(tokenStatusOf(user, info))]);
    return view();
  } catch (error) {
    return view(asApiError(error));
  }
}

/** No token from now on, and nothing fetched with it shown: every surface is back to "not configured". */
export async function forgetToken(): Promise<SettingsView> {
  await Promise.all([tokenItem.removeValue(), tokenStatusItem.removeValue(), myRetrosItem.removeValue(), reviewItem.removeValue()]);
  return view();
}

/**
 * The saved token, asked about again (the options page does on open): revoked, expired or given
 * new scopes since it was saved. One request; who it signs in as is kept from the save.
 */
export async function checkToken(deps: BackgroundDeps): Promise<SettingsView> {
  const [settings, token, status] = await Promise.all([settingsItem.getValue(), tokenItem.getValue(), tokenStatusItem.getValue()]);
  if (!token) return view();
  const gateway = gatewayFor(deps, { host: settings.gitlabUrl, token });
  try {
    const [info, user] = await Promise.all([gateway.tokenInfo(), status ?? gateway.currentUser()]);
    // Saved again only if the token is still the one asked about (not replaced or removed meanwhile).
    if ((await tokenItem.getValue()) === token) await tokenStatusItem.setValue(tokenStatusOf(user, info));
    return view();
  } catch (error) {
    return view(asApiError(error));
  }
}

/** Adds `engineer: manager` as a new line, keeping the user's own text and format. */
export async function addRosterPair({ engineer, manager }: RequestOf<'roster:add'>) {
  const settings = await settingsItem.getValue();
  const current = parseRoster(settings.rosterText);
  const format = current.ok ? current.format : 'yaml';
  const clean = (name: string) => name.replace(/^@/, '').toLowerCase();
  const line = format === 'csv' ? `${clean(engineer)},${clean(manager)}` : `${clean(engineer)}: ${clean(manager)}`;
  const rosterText =
    format === 'json' && current.ok
      ? JSON.stringify({ ...current.roster, [clean(engineer)]: clean(manager) }, null, 2)
      : `${settings.rosterText.replace(/\s*$/, '')}${settings.rosterText.trim() ? '\n' : ''}${line}\n`;
  const parsed = parseRoster(rosterText);
  if (!parsed.ok) {
    throw new GitLabRequestError({ kind: 'rejected', status: 0, message: `The roster could not take that pair: ${parsed.errors[0]?.message}` });
  }
  await settingsItem.setValue({ ...settings, rosterText });
  return { roster: parsed.roster };
}
