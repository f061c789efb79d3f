// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { RetroPanel } from '@/components/RetroPanel';
import type { PanelClient } from '@/components/panel-client';
import { errorFromResponse, extensionUpdatedError, noTokenError, type ApiError } from '@/lib/gitlab/errors';
import type { ApplyResult, IssueSummary, PanelData, Result, UserSummary } from '@/lib/messaging';
import { formatCalendarDate } from '@/lib/retro/due-date';
import { apiFixture } from '../helpers/gitlab-fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SAM: UserSummary = { id: 5, username: 'sam-support', name: 'Sam Support' };
const MARIA: UserSummary = { id: 42, username: 'maria-manager', name: 'Maria Manager' };
const NOW = new Date(2025, 2, 8, 23, 30, 0);
const IN_A_WEEK = '2025-03-15';

function issue(overrides: Partial<IssueSummary> = {}): IssueSummary {
  return {
    title: 'Customer down after upgrade',
    webUrl: 'https://gitlab.com/gitlab-com/support/readiness/emergencies/-/issues/1',
    issueType: 'issue',
    labels: ['retro'],
    dueDate: null,
    assignees: [SAM],
    ...overrides,
  };
}

function panelData(overrides: Partial<PanelData> = {}, issueOverrides: Partial<IssueSummary> = {}): PanelData {
  return {
    issue: issue(issueOverrides),
    labels: { retro: 'retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' },
    roster: { 'sam-support': 'maria-manager' },
    applied: null,
    canWrite: true,
    ...overrides,
  };
}

const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
const fail = (error: ApiError): Result<never> => ({ ok: false, error });

interface FakeClient extends PanelClient {
  load: ReturnType<typeof vi.fn<PanelClient['load']>>;
  /** As the worker's news that the issue changed through another surface. */
  changed(): void;
  apply: ReturnType<typeof vi.fn<PanelClient['apply']>>;
  undo: ReturnType<typeof vi.fn<PanelClient['undo']>>;
  addRetroLabel: ReturnType<typeof vi.fn<PanelClient['addRetroLabel']>>;
  suggestLeads: ReturnType<typeof vi.fn<PanelClient['suggestLeads']>>;
  searchUsers: ReturnType<typeof vi.fn<PanelClient['searchUsers']>>;
  addRosterPair: ReturnType<typeof vi.fn<PanelClient['addRosterPair']>>;
  openOptions: ReturnType<typeof vi.fn<PanelClient['openOptions']>>;
}

function fakeClient(loadReply: Result<PanelData> | Promise<Result<PanelData>> = ok(panelData())): FakeClient {
  const listeners = new Set<() => void>();
  return {
    load: vi.fn<PanelClient['load']>(async () => loadReply),
    onChanged: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    changed: () => listeners.forEach((callback) => callback()),
    apply: vi.fn<PanelClient['apply']>(async () =>
      ok<ApplyResult>({
        issue: issue({ labels: ['retro', 'retro-actions'], dueDate: IN_A_WEEK, assignees: [SAM, MARIA] }),
        applied: { label: 'retro-actions', addedLabel: true, previousDueDate: null, appliedDueDate: IN_A_WEEK, addedManagerId: MARIA.id, appliedAt: NOW.toISOString() },
        alreadyApplied: false,
        managerDropped: false,
      }),
    ),
    undo: vi.fn<PanelClient['undo']>(async () => ok({ issue: issue(), reverted: true })),
    addRetroLabel: vi.fn<PanelClient['addRetroLabel']>(async () => ok({ issue: issue({ labels: ['retro'] }) })),
    searchUsers: vi.fn<PanelClient['searchUsers']>(async () => ok([MARIA])),
    addRosterPair: vi.fn<PanelClient['addRosterPair']>(async () => ok({ roster: { 'sam-support': 'maria-manager' } })),
    openOptions: vi.fn<PanelClient['openOptions']>(),
    followUps: {
      similar: vi.fn(async () => ok({ candidates: [] })),
      create: vi.fn(async () => ok({ followUp: { reference: 'g/p#1', webUrl: 'https://gitlab.com/g/p/-/issues/1', kind: 'created' as const }, linked: true })),
      checkIn: vi.fn(async () => ok({ followUp: { reference: 'g/p#2', webUrl: 'https://gitlab.com/g/p/-/issues/2', kind: 'check-in' as const } })),
    },
    suggestLeads: vi.fn(async () => ok({ suggestions: [], participants: [], poolSize: 0 })),
    drafts: {
      loadDraft: vi.fn(async () => ok({ kind: 'findings', revision: 0, savedAt: null, data: null, published: null })) as never,
      saveDraft: vi.fn(async (_draft, base: number) => ok({ status: 'saved' as const, revision: base + 1, savedAt: NOW.toISOString() })),
      onPageHide: vi.fn(() => () => undefined),
    },
    postRetroNotes: vi.fn(async () => ok({ noteUrl: 'https://gitlab.com/x#note_1', action: 'created' as const })),
  };
}

async function renderReady(client: FakeClient) {
  const view = render(<RetroPanel client={client} issueLabel="gitlab-com/support/readiness/emergencies#1" />);
  await screen.findByTestId('status-due-date');
  return view;
}

/** The status line of a label says "applied" or "not applied" (with or without more words). */
function expectLabelShown(testId: string, applied: boolean) {
  const text = screen.getByTestId(testId).textContent ?? '';
  expect(text).toMatch(/\bapplied\b/);
  if (applied) expect(text).not.toMatch(/\bnot\b/);
  else expect(text).toMatch(/\bnot applied\b/);
}

const applyButton = () => screen.getByRole('button', { name: 'Apply retro-actions' }) as HTMLButtonElement;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('RetroPanel: loading and the landmark', () => {
  it('shows a loading status inside the "Retro" region, then the retro state', async () => {
    let resolve!: (reply: Result<PanelData>) => void;
    const client = fakeClient(new Promise((r) => (resolve = r)));
    render(<RetroPanel client={client} issueLabel="gitlab-com/support/readiness/emergencies#1" />);
    const region = screen.getByRole('region', { name: 'Retro' });
    expect(within(region).getByRole('status')).toHaveProperty('textContent', 'Loading the retro state from GitLab…');
    expect(region.textContent).toContain('emergencies#1');
    expect(screen.queryByRole('button', { name: 'Apply retro-actions' })).toBeNull();
    expect(client.load).toHaveBeenCalledTimes(1);

    await act(async () => resolve(ok(panelData())));
    await screen.findByTestId('status-retro');
    expect(screen.queryByText('Loading the retro state from GitLab…')).toBeNull();
    expectLabelShown('status-retro', true);
    expectLabelShown('status-retro-actions', false);
  });

  it('a late reply for a client the panel no longer shows is dropped (C4)', async () => {
    let resolveOld!: (reply: Result<PanelData>) => void;
    const oldClient = fakeClient(new Promise((r) => (resolveOld = r)));
    const view = render(<RetroPanel client={oldClient} issueLabel="a/b#1" />);
    const newClient = fakeClient(ok(panelData({}, { assignees: [MARIA] })));
    view.rerender(<RetroPanel client={newClient} issueLabel="a/b#2" />);
    await screen.findByTestId('status-assignees');
    await act(async () => resolveOld(ok(panelData({}, { assignees: [SAM] }))));
    expect(screen.getByTestId('status-assignees').textContent).toBe('@maria-manager');
  });
});

describe('RetroPanel: what GitLab has, as text', () => {
  it('shows labels, due date and assignees', async () => {
    await renderReady(fakeClient(ok(panelData({}, { labels: ['retro', 'Retro-Actions'], dueDate: '2025-03-16', assignees: [SAM, MARIA] }))));
    expectLabelShown('status-retro', true);
    expectLabelShown('status-retro-actions', true);
    // C13: a calendar date stays the 16th whatever the time zone.
    expect(screen.getByTestId('status-due-date').textContent).toBe(formatCalendarDate('2025-03-16'));
    expect(screen.getByTestId('status-due-date').textContent).toMatch(/16/);
    expect(screen.getByTestId('status-assignees').textContent).toBe('@sam-support,@maria-manager');
  });

  it('no due date and nobody assigned read "none"', async () => {
    await renderReady(fakeClient(ok(panelData({}, { assignees: [] }))));
    expect(screen.getByTestId('status-due-date').textContent).toBe('none');
    expect(screen.getByTestId('status-assignees').textContent).toBe('none');
  });

  it('markup in GitLab values and label names never becomes elements', async () => {
    const hostileLabels = { retro: `retro ${HOSTILE}`, retroActions: `actions ${HOSTILE}`, customerRetro: 'customer-retro' };
    const { container } = await renderReady(fakeClient(ok(panelData({ labels: hostileLabels }, { title: `Down ${HOSTILE}`, labels: [`x ${HOSTILE}`] }))));
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(`retro ${HOSTILE}`).length).toBeGreaterThan(0);
    expect(screen.getAllByText(`actions ${HOSTILE}`).length).toBeGreaterThan(0);
  });
});

describe('RetroPanel: apply retro-actions', () => {
  it('the preview lists what apply will change', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await renderReady(fakeClient());
    const preview = screen.getByTestId('preview');
    expect(preview.textContent).toContain('add the label retro-actions');
    expect(preview.textContent).toContain(`set the due date to ${formatCalendarDate(IN_A_WEEK)} (now none)`);
    expect(preview.textContent).toContain('assign @maria-manager, keeping the current assignees');
    expect(screen.getByTestId('manager').textContent).toBe('Manager: @maria-manager');
  });

  it('the preview leaves out what is already there', async () => {
    await renderReady(fakeClient(ok(panelData({}, { labels: ['retro-actions'], dueDate: '2025-04-01' }))));
    const items = within(screen.getByTestId('preview')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['assign @maria-manager, keeping the current assignees']);
  });

  it('clicking "Apply retro-actions" calls apply once with the engineer and shows what GitLab stored', async () => {
    const client = fakeClient();
    await renderReady(client);
    expect(applyButton().disabled).toBe(false);
    fireEvent.click(applyButton());
    // While the request runs the button is disabled: a second click does nothing.
    expect(applyButton().disabled).toBe(true);
    await act(() => applyButton().click());
    await waitFor(() => expect(screen.getByTestId('outcome').textContent).toContain('GitLab now has labels retro, retro-actions'));
    expect(client.apply).toHaveBeenCalledTimes(1);
    expect(client.apply).toHaveBeenCalledWith('sam-support');
    expect(screen.getByTestId('outcome').textContent).toContain('assigned to @sam-support, @maria-manager');
    expectLabelShown('status-retro-actions', true);
    expect(applyButton().disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
  });

  it('does not take a manager who is already assigned for the responding engineer', async () => {
    const client = fakeClient(ok(panelData({ roster: { 'sam-support': 'maria-manager', 'maria-manager': 'dora-director' } }, { assignees: [MARIA, SAM] })));
    await renderReady(client);
    fireEvent.click(applyButton());
    await waitFor(() => expect(client.apply).toHaveBeenCalledWith('sam-support'));
  });

  it('says so when GitLab kept only one assignee', async () => {
    const client = fakeClient();
    client.apply.mockResolvedValue(
      ok<ApplyResult>({ issue: issue({ labels: ['retro', 'retro-actions'], dueDate: IN_A_WEEK }), applied: null, alreadyApplied: false, managerDropped: true }),
    );
    await renderReady(client);
    fireEvent.click(applyButton());
    await waitFor(() => expect(screen.getByTestId('outcome').textContent).toMatch(/kept only one assignee.*@maria-manager is not assigned/));
  });

  it('already-applied data disables the button and says so', async () => {
    const client = fakeClient(ok(panelData({}, { labels: ['retro', 'retro-actions'], dueDate: '2025-03-16', assignees: [SAM, MARIA] })));
    await renderReady(client);
    expect(applyButton().disabled).toBe(true);
    expect(screen.getByTestId('preview').textContent).toMatch(/Retro-actions are applied/);
    // A user's click (unlike a synthetic dispatch) never reaches a disabled button.
    await act(() => applyButton().click());
    expect(client.apply).not.toHaveBeenCalled();
  });

  it('a read-only token disables apply and explains why', async () => {
    await renderReady(fakeClient(ok(panelData({ canWrite: false }))));
    expect(applyButton().disabled).toBe(true);
    expect(screen.getByText(/no api scope/)).toBeTruthy();
  });

  it('undo calls undo once and reports it', async () => {
    const applied = { label: 'retro-actions', addedLabel: true, previousDueDate: null, appliedDueDate: IN_A_WEEK, addedManagerId: MARIA.id, appliedAt: NOW.toISOString() };
    const client = fakeClient(ok(panelData({ applied }, { labels: ['retro', 'retro-actions'], dueDate: IN_A_WEEK, assignees: [SAM, MARIA] })));
    await renderReady(client);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByTestId('outcome').textContent).toMatch(/^Undone\./));
    // The fake's issue after undo has no due date: said as such, not "due no due date".
    expect(screen.getByTestId('outcome').textContent).toBe("Undone. GitLab now has labels retro; no due date; assigned to @sam-support. Reload the page to see it in GitLab's sidebar.");
    expect(client.undo).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('Try again after a failed "Add the retro label" adds the label again, and nothing else', async () => {
    const client = fakeClient(ok(panelData({}, { labels: ['customer-emergency'] })));
    client.addRetroLabel.mockResolvedValueOnce(fail(errorFromResponse(500, { message: '500' })));
    await renderReady(client);
    fireEvent.click(screen.getByRole('button', { name: 'Add the retro label' }));
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(client.addRetroLabel).toHaveBeenCalledTimes(2));
    expect(client.apply).not.toHaveBeenCalled();
    expect(client.undo).not.toHaveBeenCalled();
  });

  it('"Suggest a retro lead" with no leads set says to add them, and with all of them involved says so', async () => {
    const client = fakeClient();
    await renderReady(client);
    fireEvent.click(screen.getByRole('button', { name: 'Suggest a retro lead' }));
    expect(await screen.findByText('No retro leads are set yet: add them under Retro leads in the options.')).toBeTruthy();
    client.suggestLeads.mockResolvedValueOnce(ok({ suggestions: [], participants: ['lee-lead'], poolSize: 1 }));
    fireEvent.click(screen.getByRole('button', { name: 'Suggest a retro lead' }));
    expect(await screen.findByText('Everyone in your lead pool (1) took part in this emergency: add more retro leads in the options.')).toBeTruthy();
  });

  it('an error on apply shows in an alert with the message', async () => {
    const client = fakeClient();
    client.apply.mockResolvedValue(fail(errorFromResponse(403, { error: 'insufficient_scope', scope: 'api' })));
    await renderReady(client);
    fireEvent.click(applyButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('api scope');
    expect(within(alert).getByRole('button', { name: 'Open options' })).toBeTruthy();
  });
});

describe('RetroPanel: errors from load', () => {
  async function renderError(error: ApiError, client = fakeClient(fail(error))) {
    render(<RetroPanel client={client} issueLabel="a/b#1" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(error.kind === 'rate-limited' ? 'rate limiting' : error.message);
    return { alert, client };
  }

  it('no-token: the message and an "Open options" button, no retry', async () => {
    const { alert, client } = await renderError(noTokenError());
    fireEvent.click(within(alert).getByRole('button', { name: 'Open options' }));
    expect(client.openOptions).toHaveBeenCalledTimes(1);
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('401: says the token is invalid or expired and offers the options', async () => {
    const { alert } = await renderError(errorFromResponse(401, apiFixture('errors/401-unauthorized.json')));
    expect(alert.textContent).toMatch(/invalid, expired/);
    expect(within(alert).getByRole('button', { name: 'Open options' })).toBeTruthy();
  });

  it('404: "not found, or you have no access", and Try again loads again', async () => {
    const { alert, client } = await renderError(errorFromResponse(404, apiFixture('errors/404-record-not-found.json')));
    expect(alert.textContent).toContain('not found, or you have no access');
    client.load.mockResolvedValue(ok(panelData()));
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('status-due-date');
    expect(client.load).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('429: retry is disabled while the Retry-After countdown runs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const error = errorFromResponse(429, apiFixture('errors/429-application-rate-limit.json'), '3');
    const client = fakeClient(fail(error));
    render(<RetroPanel client={client} issueLabel="a/b#1" />);
    await act(async () => {
      await Promise.resolve();
    });
    const alert = screen.getByRole('alert');
    const retry = within(alert).getByRole('button', { name: 'Try again' }) as HTMLButtonElement;
    expect(alert.textContent).toContain('Try again in 3 s');
    expect(retry.disabled).toBe(true);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(alert.textContent).toContain('Try again in 2 s');
    expect(retry.disabled).toBe(true);
    act(() => retry.click());
    expect(client.load).toHaveBeenCalledTimes(1);
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(retry.disabled).toBe(false);
    expect(alert.textContent).toContain('rate limiting');
    client.load.mockResolvedValue(ok(panelData()));
    await act(async () => {
      retry.click();
      await Promise.resolve();
    });
    expect(client.load).toHaveBeenCalledTimes(2);
  });

  it('429: once the countdown is over the alert no longer tells the user to wait 3 s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const error = errorFromResponse(429, apiFixture('errors/429-application-rate-limit.json'), '3');
    render(<RetroPanel client={fakeClient(fail(error))} issueLabel="a/b#1" />);
    await act(async () => {
      await Promise.resolve();
    });
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    const alert = screen.getByRole('alert');
    expect((within(alert).getByRole('button', { name: 'Try again' }) as HTMLButtonElement).disabled).toBe(false);
    expect(alert.textContent).toContain('rate limiting');
    expect(alert.textContent).not.toMatch(/Try again in [1-9]\d* s/);
  });

  it('extension-updated (C5): the message and a "Reload page" button, no retry', async () => {
    const { alert } = await renderError(extensionUpdatedError());
    expect(alert.textContent).toContain('Reload this page');
    expect(alert.textContent).not.toMatch(/Extension context invalidated/);
    expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

describe('RetroPanel: manager not in the roster', () => {
  it('shows the user search; choosing a result adds the pair and shows the manager', async () => {
    const client = fakeClient(ok(panelData({ roster: {} })));
    await renderReady(client);
    expect(screen.getByTestId('manager').textContent).toBe('Manager: not in the roster');
    expect(applyButton().disabled).toBe(true);
    const search = screen.getByRole('searchbox', { name: 'Search GitLab users' });
    fireEvent.input(search, { target: { value: 'maria' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const choice = await screen.findByRole('button', { name: 'Use @maria-manager (Maria Manager) and add to roster' });
    expect(client.searchUsers).toHaveBeenCalledWith('maria');
    fireEvent.click(choice);
    await waitFor(() => expect(screen.getByTestId('manager').textContent).toBe('Manager: @maria-manager'));
    expect(client.addRosterPair).toHaveBeenCalledTimes(1);
    expect(client.addRosterPair).toHaveBeenCalledWith('sam-support', 'maria-manager');
    expect(applyButton().disabled).toBe(false);
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('no match says so', async () => {
    const client = fakeClient(ok(panelData({ roster: {} })));
    client.searchUsers.mockResolvedValue(ok([]));
    await renderReady(client);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search GitLab users' }), { target: { value: 'zz-nobody' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByText(/No GitLab user matches/)).textContent).toContain('zz-nobody');
    expect(client.addRosterPair).not.toHaveBeenCalled();
    // Other words are not yet searched: "no match" is not said of them.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search GitLab users' }), { target: { value: 'maria' } });
    expect(screen.queryByText(/No GitLab user matches/)).toBeNull();
  });
});

describe('RetroPanel: findings saved in two tabs', () => {
  it('a clash offers "Keep both"; leaving with it still open keeps both tabs\' findings, and one removed here stays removed', async () => {
    const client = fakeClient();
    const hide: ((leaving: boolean) => void)[] = [];
    client.drafts.onPageHide = vi.fn((callback: (leaving: boolean) => void) => {
      hide.push(callback);
      return () => undefined;
    });
    const shared = { id: 'fshared01', list: 'suggestions' as const, text: 'In both tabs', state: 'open' as const };
    const view = (revision: number, findings: (typeof shared)[]) => ({ kind: 'findings' as const, revision, savedAt: NOW.toISOString(), published: null, data: { findings } });
    const timeline = { kind: 'timeline', revision: 0, savedAt: null, data: null, published: null };
    client.drafts.loadDraft = vi.fn(async (kind: string) => ok(kind === 'findings' ? view(4, [shared]) : timeline)) as never;
    const theirs = view(5, [shared, { id: 'fothertab1', list: 'openQuestions', text: 'From the other tab', state: 'open' } as never]);
    vi.mocked(client.drafts.saveDraft).mockImplementationOnce(async () => ok({ status: 'conflict' as const, current: theirs }));
    await renderReady(client);
    fireEvent.click(await screen.findByRole('button', { name: 'Add to “What went well”' }));
    fireEvent.input(screen.getByLabelText('What went well 1'), { target: { value: 'From this tab' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Suggestions 1' }));
    hide.forEach((callback) => callback(false));
    const clash = await screen.findByTestId('draft-conflict');
    expect(clash.textContent).toContain('Another tab saved a newer version of this draft (2 findings).');
    expect(within(clash).getByRole('button', { name: 'Keep both' })).toBeTruthy();
    // Hidden to compare with the other tab: the choice stays open. Left (a reload): both are kept.
    hide.forEach((callback) => callback(false));
    expect(screen.getByTestId('draft-conflict')).toBeTruthy();
    hide.forEach((callback) => callback(true));
    await waitFor(() => expect(vi.mocked(client.drafts.saveDraft).mock.calls.at(-1)![1]).toBe(5));
    const saved = vi.mocked(client.drafts.saveDraft).mock.calls.at(-1)![0].data as { findings: { text: string }[] };
    expect(saved.findings.map((finding) => finding.text)).toEqual(['From this tab', 'From the other tab']);
  });
});

describe('RetroPanel: the responding engineer', () => {
  const LEE: UserSummary = { id: 7, username: 'lee-lead', name: 'Lee Lead' };
  const LINA: UserSummary = { id: 8, username: 'lina-leader', name: 'Lina Leader' };
  const roster = { 'sam-support': 'maria-manager', 'lee-lead': 'lina-leader' };
  const openQuestion = { kind: 'findings', revision: 1, savedAt: NOW.toISOString(), published: null, data: { findings: [{ id: 'fquestion1', list: 'openQuestions', text: 'Why no alert?', state: 'open' }] } };
  const withOpenQuestion = (client: FakeClient) => {
    client.drafts.loadDraft = vi.fn(async (kind: string) => ok(kind === 'findings' ? openQuestion : { ...openQuestion, kind: 'timeline', revision: 0, data: null })) as never;
    return client;
  };
  const retroActionsStep = () => screen.getByTestId('checklist').querySelector('[data-step="retro-actions"]')!;

  it('a changed engineer is the one the checklist and Apply both go by: once applied, no step says otherwise', async () => {
    const client = withOpenQuestion(fakeClient(ok(panelData({ roster }, { assignees: [SAM, LEE] }))));
    client.apply.mockResolvedValue(ok<ApplyResult>({
      issue: issue({ labels: ['retro', 'retro-actions'], dueDate: IN_A_WEEK, assignees: [SAM, LEE, LINA] }),
      applied: { label: 'retro-actions', addedLabel: true, previousDueDate: null, appliedDueDate: IN_A_WEEK, addedManagerId: LINA.id, appliedAt: NOW.toISOString() },
      alreadyApplied: false,
      managerDropped: false,
    }));
    await renderReady(client);
    await waitFor(() => expect(retroActionsStep().getAttribute('data-done')).toBe('no'));
    fireEvent.input(screen.getByLabelText(/^Responding support engineer/), { target: { value: 'lee-lead' } });
    expect(screen.getByTestId('manager').textContent).toBe('Manager: @lina-leader');
    fireEvent.click(applyButton());
    await waitFor(() => expect(client.apply).toHaveBeenCalledWith('lee-lead'));
    await waitFor(() => expect(retroActionsStep().getAttribute('data-done')).toBe('yes'));
    expect(screen.queryByTestId('apply-due')).toBeNull();
    expect(screen.getByTestId('preview').textContent).toBe('Retro-actions are applied: label, due date and manager are set.');
  });

  it('a typed engineer is kept in the draft: after a reload it is still the one Apply and the checklist go by', async () => {
    const client = withOpenQuestion(fakeClient(ok(panelData({ roster }, { labels: ['retro', 'retro-actions'], dueDate: IN_A_WEEK, assignees: [SAM, LINA] }))));
    await renderReady(client);
    await screen.findByRole('button', { name: 'Add to “What went well”' }); // the findings draft is loaded
    fireEvent.input(screen.getByLabelText(/^Responding support engineer/), { target: { value: 'lee-lead' } });
    await act(async () => void (await new Promise((done) => setTimeout(done, 900)))); // the draft's save delay
    const saved = vi.mocked(client.drafts.saveDraft).mock.calls.at(-1)![0].data as { engineer?: string };
    expect(saved.engineer).toBe('lee-lead');
    cleanup();
    const reloaded = withOpenQuestion(fakeClient(ok(panelData({ roster }, { labels: ['retro', 'retro-actions'], dueDate: IN_A_WEEK, assignees: [SAM, LINA] }))));
    reloaded.drafts.loadDraft = vi.fn(async (kind: string) => ok(kind === 'findings' ? { ...openQuestion, data: { ...openQuestion.data, engineer: 'lee-lead' } } : { ...openQuestion, kind: 'timeline', revision: 0, data: null })) as never;
    await renderReady(reloaded);
    await waitFor(() => expect((screen.getByLabelText(/^Responding support engineer/) as HTMLInputElement).value).toBe('lee-lead'));
    expect(screen.getByTestId('preview').textContent).toBe('Retro-actions are applied: label, due date and manager are set.');
    expect(retroActionsStep().getAttribute('data-done')).toBe('yes');
  });

  it('an engineer typed before the findings draft arrived is kept, beside the stored findings', async () => {
    const client = withOpenQuestion(fakeClient(ok(panelData({ roster }, { assignees: [SAM, LEE] }))));
    let arrive: () => void = () => undefined;
    const load = client.drafts.loadDraft;
    client.drafts.loadDraft = vi.fn((kind: string) => (kind === 'findings' ? new Promise((done) => { arrive = () => done(load(kind as never)); }) : load(kind as never))) as never;
    await renderReady(client);
    fireEvent.input(screen.getByLabelText(/^Responding support engineer/), { target: { value: 'lee-lead' } });
    act(() => arrive());
    await screen.findByLabelText('Open questions 1');
    expect((screen.getByLabelText(/^Responding support engineer/) as HTMLInputElement).value).toBe('lee-lead');
  });

  it('after a reload, the engineer whose manager is assigned is the one shown: Apply does not offer a second manager', async () => {
    const client = withOpenQuestion(fakeClient(ok(panelData({ roster }, { labels: ['retro', 'retro-actions'], dueDate: IN_A_WEEK, assignees: [SAM, LEE, LINA] }))));
    await renderReady(client);
    expect((screen.getByLabelText(/^Responding support engineer/) as HTMLInputElement).value).toBe('lee-lead');
    expect(screen.getByTestId('preview').textContent).toBe('Retro-actions are applied: label, due date and manager are set.');
    await waitFor(() => expect(retroActionsStep().getAttribute('data-done')).toBe('yes'));
  });
});

describe('RetroPanel: refusals the options fix', () => {
  it('a roster naming a manager GitLab does not have offers to open the options', async () => {
    const client = fakeClient();
    client.apply.mockResolvedValue(fail({ kind: 'not-configured', status: 0, message: 'GitLab has no user @ghost-manager. Fix the manager roster in the options.' }));
    await renderReady(client);
    fireEvent.click(applyButton());
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Open options' }));
    expect(client.openOptions).toHaveBeenCalledTimes(1);
  });
});

describe('RetroPanel: the issue changed elsewhere', () => {
  it('"Suggest retro" from the context menu on this issue: the panel reads it again in place, keeping a finding being typed', async () => {
    const client = fakeClient(ok(panelData({}, { labels: [] })));
    await renderReady(client);
    expectLabelShown('status-retro', false);
    fireEvent.click(await screen.findByRole('button', { name: 'Add to “What went well”' }));
    fireEvent.input(screen.getByLabelText('What went well 1'), { target: { value: 'Typed before the news' } });
    client.load.mockResolvedValue(ok(panelData({}, { labels: ['retro'] })));
    act(() => client.changed());
    await waitFor(() => expectLabelShown('status-retro', true));
    expect(client.load).toHaveBeenCalledTimes(2);
    expect((screen.getByLabelText('What went well 1') as HTMLTextAreaElement).value).toBe('Typed before the news');
  });
});
