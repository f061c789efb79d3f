// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '@/components/OptionsPage';
import { fieldsOf } from '@/components/options-form';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { SettingsView } from '@/lib/messaging';

afterEach(cleanup);

const view = (rosterText: string): SettingsView => ({ settings: { ...DEFAULT_SETTINGS, rosterText }, hasToken: false, token: null, tokenError: null });

function page(saved: SettingsView, draft: unknown) {
  const store = new Map<string, string>([['options-draft', JSON.stringify(draft)]]);
  const draftStore = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
  render(<OptionsPage load={async () => ({ ok: true, data: saved })} save={vi.fn()} draftStore={draftStore} />);
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
    render(<OptionsPage load={load} save={save} draftStore={draftStore} />);
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
    render(<OptionsPage load={async () => ({ ok: true, data: saved })} save={async () => ({ ok: true, data: { ...saved, tokenError } })} draftStore={draftStore} />);
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
