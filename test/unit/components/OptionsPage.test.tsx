// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '@/components/OptionsPage';
import { fieldsOf } from '@/components/options-form';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { Result, SettingsView } from '@/lib/messaging';
import { errorFromResponse } from '@/lib/gitlab/errors';
import { apiFixture } from '../helpers/gitlab-fixtures';

afterEach(cleanup);

const NOW = new Date(2026, 11, 4, 9, 0);

const view = (rosterText: string): SettingsView => ({ settings: { ...DEFAULT_SETTINGS, rosterText }, hasToken: false, token: null, tokenError: null });

function page(saved: SettingsView, draft: unknown) {
  const store = new Map<string, string>([['options-draft', JSON.stringify(draft)]]);
  const draftStore = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
  render(<OptionsPage load={async () => ({ ok: true, data: saved })} save={vi.fn()} check={vi.fn()} removeToken={vi.fn()} now={() => NOW} draftStore={draftStore} />);
  return store;
}
const roster = async () => ((await screen.findByLabelText(/^Manager roster/)) as HTMLTextAreaElement).value;

describe('OptionsPage unsaved changes', () => {
  it('brings back what was typed when the saved settings are still what it started from, and can discard it', async () => {
    const saved = view('sam-support: maria-manager\n');
    const store = page(saved, { base: fieldsOf(saved.settings), fields: { ...fieldsOf(saved.settings), rosterText: 'alex: bob\n' } });
    expect(await roster()).toBe('alex: bob\n');
    fireEvent.click(screen.getByRole('button', { name: 'Discard them' }));
    expect(await roster()).toBe('sam-support: maria-manager\n');
    expect(store.has('options-draft')).toBe(false);
  });

  it('shows the saved settings when they changed since (a pair added from the panel), and offers the unsaved changes', async () => {
    const before = view('sam-support: maria-manager\n');
    const saved = view('sam-support: maria-manager\nlee-lead: lina-leader\n'); // the panel added a pair meanwhile
    page(saved, { base: fieldsOf(before.settings), fields: { ...fieldsOf(before.settings), rosterText: 'alex: bob\n' } });
    expect(await roster()).toBe('sam-support: maria-manager\nlee-lead: lina-leader\n');
    expect(screen.getByTestId('draft-notice').textContent).toMatch(/saved settings changed since/);
    fireEvent.click(screen.getByRole('button', { name: 'Use my unsaved changes instead' }));
    expect(await roster()).toBe('alex: bob\n');
  });
});

describe('OptionsPage saving', () => {
  it('saves nothing over settings changed elsewhere while the page was open, shows them, and keeps what was typed one click away', async () => {
    const opened = view('sam-support: maria-manager\n');
    const meanwhile = view('sam-support: maria-manager\nlee-lead: lina-leader\n'); // the panel added a pair
    const load = vi.fn().mockResolvedValueOnce({ ok: true, data: opened }).mockResolvedValue({ ok: true, data: meanwhile });
    const save = vi.fn();
    const store = new Map<string, string>();
    const draftStore = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    render(<OptionsPage load={load} save={save} check={vi.fn()} removeToken={vi.fn()} now={() => NOW} draftStore={draftStore} />);
    fireEvent.input(await screen.findByLabelText(/^Retro leads/), { target: { value: 'lee-lead' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Save' }).closest('form')!);
    expect(await screen.findByText(/^Nothing was saved: the settings were changed elsewhere while this page was open/)).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
    expect(await roster()).toBe('sam-support: maria-manager\nlee-lead: lina-leader\n');
    fireEvent.click(screen.getByRole('button', { name: 'Use my unsaved changes instead' }));
    expect(((await screen.findByLabelText(/^Retro leads/)) as HTMLTextAreaElement).value).toBe('lee-lead');
  });
});

describe('OptionsPage token check', () => {
  const saved = view('sam-support: maria-manager\n');
  async function saveWithTokenError(tokenError: SettingsView['tokenError']) {
    const store = new Map<string, string>();
    const draftStore = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    render(<OptionsPage load={async () => ({ ok: true, data: saved })} save={async () => ({ ok: true, data: { ...saved, tokenError } })} check={vi.fn()} removeToken={vi.fn()} now={() => NOW} draftStore={draftStore} />);
    fireEvent.input(await screen.findByLabelText(/^Personal access token/), { target: { value: 'glpat-x' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Save' }).closest('form')!);
  }

  it('says GitLab refused the token only when it did; an outage is "could not check it"', async () => {
    await saveWithTokenError({ kind: 'unauthorized', status: 401, message: 'GitLab rejected the token.' });
    expect(await screen.findByText('Settings saved, but the token was not: GitLab refused it.')).toBeTruthy();
    cleanup();
    await saveWithTokenError({ kind: 'server', status: 500, message: 'GitLab answered with an error (500).' });
    expect(await screen.findByText('Settings saved, but the token was not: GitLab could not check it.')).toBeTruthy();
  });

  it('a "not found" points at the GitLab URL, not at a project or issue', async () => {
    await saveWithTokenError({ kind: 'not-found', status: 404, message: 'GitLab says not found, or you have no access. Check the project and issue.' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('check the GitLab URL');
    expect(alert.textContent).not.toContain('project and issue');
  });
});

describe('OptionsPage saved token status', () => {
  const saved: SettingsView = {
    settings: DEFAULT_SETTINGS,
    hasToken: true,
    token: { username: 'maria-manager', name: 'Maria Manager', scopes: ['api'], expiresAt: '2027-12-04' },
    tokenError: null,
  };
  function open(check: () => Promise<Result<SettingsView>>, today = NOW, removeToken = vi.fn<() => Promise<Result<SettingsView>>>()) {
    const draftStore = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
    render(<OptionsPage load={async () => ({ ok: true, data: saved })} save={vi.fn()} check={check} removeToken={removeToken} now={() => today} draftStore={draftStore} />);
  }
  const status = () => screen.getByTestId('token-status').textContent ?? '';

  it('shows the stored status at once, marked as being checked, then what GitLab says now', async () => {
    let answer!: (reply: Result<SettingsView>) => void;
    const check = vi.fn(() => new Promise<Result<SettingsView>>((resolve) => (answer = resolve)));
    open(check);
    expect(await screen.findByTestId('token-checking')).toBeTruthy();
    expect(status()).toContain('Signed in as @maria-manager');
    expect(check).toHaveBeenCalledTimes(1);
    answer({ ok: true, data: { ...saved, token: { ...saved.token!, scopes: ['read_api'] } } });
    await waitFor(() => expect(screen.queryByTestId('token-checking')).toBeNull());
    expect(status()).toContain('Scopes: read_api');
    expect(status()).toContain('lacks the api scope');
  });

  it('a token GitLab no longer accepts says so, instead of "Signed in as"', async () => {
    const tokenError = errorFromResponse(401, apiFixture('errors/401-invalid-token-revoked.json'), null, false);
    open(async () => ({ ok: true, data: { ...saved, tokenError } }));
    await waitFor(() => expect(status()).toContain('GitLab no longer accepts it'));
    expect(status()).not.toContain('Signed in as');
    expect(screen.getByRole('alert').textContent).toContain('the token was revoked');
  });

  it('an expired token says it expired, not that it was revoked', async () => {
    const tokenError = errorFromResponse(401, apiFixture('errors/401-invalid-token-expired.json'), null, false);
    open(async () => ({ ok: true, data: { ...saved, tokenError } }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('the token has expired'));
    expect(status()).not.toMatch(/revoked/);
  });

  it('GitLab out of reach: the stored status stays, with why it was not checked', async () => {
    open(async () => ({ ok: true, data: { ...saved, tokenError: errorFromResponse(503, '', null, false) } }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Could not check the token with GitLab just now/));
    expect(status()).toContain('Signed in as @maria-manager');
  });

  it('warns from the stored expiry on the day it is shown: within 7 days, counting down', async () => {
    const check = async () => ({ ok: true as const, data: saved });
    open(check, new Date(2027, 10, 20, 9, 0));
    await waitFor(() => expect(screen.queryByTestId('token-checking')).toBeNull());
    expect(status()).not.toMatch(/expires on/);
    cleanup();
    open(check, new Date(2027, 10, 30, 9, 0));
    await waitFor(() => expect(status()).toContain('This token expires on 2027-12-04, in 4 days.'));
    cleanup();
    open(check, new Date(2027, 11, 3, 9, 0));
    await waitFor(() => expect(status()).toContain('in 1 day.'));
  });
});

describe('OptionsPage removing the saved token', () => {
  const saved: SettingsView = {
    settings: DEFAULT_SETTINGS,
    hasToken: true,
    token: { username: 'maria-manager', name: 'Maria Manager', scopes: ['api'], expiresAt: null },
    tokenError: null,
  };
  const removed: SettingsView = { ...saved, hasToken: false, token: null };

  function open(removeToken: () => Promise<Result<SettingsView>>) {
    const draftStore = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
    render(<OptionsPage load={async () => ({ ok: true, data: saved })} save={vi.fn()} check={async () => ({ ok: true, data: saved })}
      removeToken={removeToken} now={() => NOW} draftStore={draftStore} />);
  }

  it('asks once, explicitly, with focus on the answer; "Keep it" (or Escape) sends nothing and goes back', async () => {
    const removeToken = vi.fn(async () => ({ ok: true as const, data: removed }));
    open(removeToken);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove token' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Yes, remove the token'));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Remove token'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    fireEvent.keyDown(await screen.findByRole('button', { name: 'Yes, remove the token' }), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('remove-token-confirm')).toBeNull());
    expect(removeToken).not.toHaveBeenCalled();
  });

  it('after "Yes, remove the token": no token shown, the field is empty and focused, and it says what that means', async () => {
    const removeToken = vi.fn(async () => ({ ok: true as const, data: removed }));
    open(removeToken);
    fireEvent.input(await screen.findByLabelText(/^Personal access token/), { target: { value: 'glpat-half-typed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, remove the token' }));
    await waitFor(() => expect(screen.getByTestId('token-status').textContent).toBe('No token saved: the extension sends nothing to GitLab.'));
    expect(removeToken).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Remove token' })).toBeNull();
    expect(screen.getByTestId('save-status').textContent).toMatch(/^Token removed/);
    const field = screen.getByLabelText(/^Personal access token/) as HTMLInputElement;
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
  });
});
