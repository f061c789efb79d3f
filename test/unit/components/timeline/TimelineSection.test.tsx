// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { TimelineSection } from '@/components/timeline/TimelineSection';
import { SAVE_DELAY_MS } from '@/components/drafts/use-draft';
import { shownLink } from '@/components/timeline/EntryList';
import { entriesFingerprint } from '@/lib/retro/timeline-entry';
import type { TimelineClient } from '@/components/timeline/timeline-client';
import { errorFromResponse, extensionUpdatedError } from '@/lib/gitlab/errors';
import { parseTranscript } from '@/lib/retro/transcript/parse-transcript';
import type { Result, TimelinePublishResult } from '@/lib/messaging';
import type { DraftSaveResult, DraftView } from '@/lib/drafts';
import { PASTE_DRAFT_MAX, type TimelineDraftData } from '@/lib/timeline-draft';

const ZONE = 'Europe/Berlin';
const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
const HOSTILE = '<img src=x onerror=alert(1)>';

const stored = (data: TimelineDraftData | null, revision = data ? 3 : 0): DraftView<'timeline'> =>
  ({ kind: 'timeline', revision, savedAt: data ? '2025-03-05T12:00:00.000Z' : null, data, published: null });

const DATA: TimelineDraftData = {
  entries: [
    { id: 'a', at: '2025-03-04T09:32:00.000Z', text: 'Customer reports 500s', tag: 'Impact detected' },
    { id: 'b', at: '2025-03-04T23:30:00.000Z', text: HOSTILE, link: 'https://gitlab.com/x/-/issues/1#note_5' },
  ],
  unplaced: [{ line: 4, text: 'someone joined', reason: 'no time on this line' }],
  form: null,
};

function fakeClient(view: DraftView<'timeline'> = stored(DATA)) {
  const hide: ((leaving: boolean) => void)[] = [];
  let revision = view.revision;
  let savedEntries = (view.data as TimelineDraftData | null)?.entries ?? [];
  const client = {
    loadDraft: vi.fn(async () => ok(view)),
    saveDraft: vi.fn<TimelineClient['saveDraft']>(async (draft, base) => {
      if (base !== revision) return ok<DraftSaveResult>({ status: 'conflict', current: stored(DATA, revision) });
      savedEntries = (draft.data as TimelineDraftData).entries;
      return ok<DraftSaveResult>({ status: 'saved', revision: ++revision, savedAt: '2025-03-05T12:01:00.000Z' });
    }),
    onPageHide: vi.fn((callback: (leaving: boolean) => void) => {
      hide.push(callback);
      return () => undefined;
    }),
    candidates: vi.fn<TimelineClient['candidates']>(async () => ok([])),
    parseTranscript: vi.fn<TimelineClient['parseTranscript']>(async () => ok({ messages: [], unplaced: [] })),
    // As the worker does: what is posted is the saved draft's entries.
    publish: vi.fn<TimelineClient['publish']>(async (o) => ok<TimelinePublishResult>({ noteId: 9, noteUrl: 'https://gitlab.com/x/-/issues/1#note_9', action: 'created', internal: false, revision: o.revision, entries: entriesFingerprint(savedEntries), takenFromGitLab: 0, incidentEvents: null })),
    /** The page hidden (a switch to another tab), or with `leaving`, left (a reload, a close). */
    hide: (leaving = false) => hide.forEach((callback) => callback(leaving)),
    bumpOtherTab: () => (revision += 1),
  };
  return client;
}

const renderSection = async (client = fakeClient(), isIncident = false) => {
  render(<TimelineSection client={client as unknown as TimelineClient} isIncident={isIncident} canWrite zone={ZONE} />);
  await screen.findByRole('region', { name: 'Timeline' });
  return client;
};

afterEach(cleanup);

/** Opens the form for a new entry and types its date and time. */
function openNewEntry(date: string, time: string): HTMLElement {
  fireEvent.click(screen.getByRole('button', { name: 'Add entry' }));
  const form = screen.getByRole('form', { name: 'Add entry' });
  fireEvent.input(within(form).getByLabelText('Date'), { target: { value: date } });
  fireEvent.input(within(form).getByLabelText(/^Time/), { target: { value: time } });
  return form;
}

describe('TimelineSection', () => {
  it('shows entries in time order with local time and UTC beside, GitLab text as text', async () => {
    await renderSection();
    const items = screen.getAllByTestId('timeline-entry');
    expect(items[0]!.textContent).toContain('2025-03-04 10:32 GMT+1');
    expect(items[0]!.textContent).toContain('09:32 UTC');
    expect(items[1]!.textContent).toContain('2025-03-05 00:30 GMT+1');
    expect(items[1]!.textContent).toContain('2025-03-04 23:30 UTC'); // UTC is still the day before
    expect(items[1]!.textContent).toContain(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    // A link shows short, as the narrow sidebar has room for, and goes to the whole address.
    const link = within(items[1]!).getByRole('link');
    expect([link.textContent, link.getAttribute('href')]).toEqual(['gitlab.com/x/-/issues/1#note_5', 'https://gitlab.com/x/-/issues/1#note_5']);
    expect(shownLink('https://gitlab.com/gitlab-com/support/readiness/emergencies/-/issues/1#note_602')).toBe('gitlab.com/…/issues/1#note_602');
    expect(shownLink(`https://example.com/${'a'.repeat(80)}`)).toBe(`example.com/${'a'.repeat(35)}…`);
    expect(shownLink('https://a.example.com/x/y?redirect=https://b.example.com/c/d/e/f/g/h')).toBe('a.example.com/…/x/y?…');
    expect(shownLink('https://gitlab.example.com:8o80/group/project/-/issues/1#note_1234')).toBe('gitlab.example.com:8o80/group/project/-/issues/…');
  });

  it('adds an entry from the form (a real <form>, so Enter submits it), then saves the draft on top of the stored revision', async () => {
    const client = await renderSection();
    const form = openNewEntry('2025-03-04', '08:15');
    fireEvent.input(within(form).getByLabelText('What happened'), { target: { value: 'Alert fired' } });
    expect(screen.getByTestId('entry-utc').textContent).toBe('Stored as 2025-03-04 07:15 UTC');
    fireEvent.submit(form);
    expect(screen.getAllByTestId('timeline-entry')[0]!.textContent).toContain('Alert fired');
    await waitFor(() => expect(client.saveDraft).toHaveBeenCalled(), { timeout: 3000 });
    const [draft, base] = client.saveDraft.mock.calls.at(-1)!;
    expect(base).toBe(3);
    expect((draft.data as TimelineDraftData).entries.map((e) => e.text)).toEqual(['Alert fired', 'Customer reports 500s', HOSTILE]);
    await waitFor(() => expect(screen.getByTestId('draft-status').textContent).toMatch(/^Draft saved/));
  });

  it('keeps keyboard focus in place: into the form on open, back on close, to a neighbour after a delete', async () => {
    await renderSection();
    const focused = () => document.activeElement as HTMLElement;
    fireEvent.click(screen.getByRole('button', { name: 'Add entry' }));
    await waitFor(() => expect(focused()).toBe(screen.getByLabelText('Date')));
    fireEvent.input(screen.getByLabelText('What happened'), { target: { value: 'Half a thought' } });
    fireEvent.keyDown(screen.getByLabelText('What happened'), { key: 'Escape' });
    expect(screen.getByText('Escape keeps what you typed: use Cancel to discard it.')).toBeTruthy();
    expect((screen.getByLabelText('What happened') as HTMLTextAreaElement).value).toBe('Half a thought');
    fireEvent.input(screen.getByLabelText('What happened'), { target: { value: '' } });
    fireEvent.keyDown(screen.getByLabelText('What happened'), { key: 'Escape' });
    await waitFor(() => expect(focused().textContent).toBe('Add entry'));
    expect(screen.queryByRole('form', { name: /^(Add|Edit) entry$/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Edit entry at 2025-03-04 10:32 GMT+1' }));
    await waitFor(() => expect(focused()).toBe(screen.getByLabelText('Date')));
    fireEvent.input(screen.getByLabelText('What happened'), { target: { value: 'Customer reports 502s' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Edit entry' }));
    await waitFor(() => expect(focused().getAttribute('aria-label')).toBe('Edit entry at 2025-03-04 10:32 GMT+1'));

    fireEvent.click(screen.getByRole('button', { name: 'Delete entry at 2025-03-04 10:32 GMT+1' }));
    await waitFor(() => expect(focused().getAttribute('aria-label')).toBe('Delete entry at 2025-03-05 00:30 GMT+1'));
    fireEvent.click(focused());
    await waitFor(() => expect(focused().textContent).toBe('Add entry'));
    expect(screen.getByTestId('timeline-empty')).toBeTruthy();
  });

  it("keeps what is typed in the form when another entry's Edit is pressed, and closes the form of an entry deleted", async () => {
    await renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Add entry' }));
    fireEvent.input(screen.getByLabelText('What happened'), { target: { value: 'half typed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Edit entry at 2025-03-04 10:32 GMT+1' }));
    expect(screen.getByRole('form', { name: 'Add entry' })).toBeTruthy();
    expect((screen.getByLabelText('What happened') as HTMLTextAreaElement).value).toBe('half typed');
    expect(screen.getByTestId('entry-form-notice').textContent).toBe('Save or cancel the entry you are adding first: it holds what you typed.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    fireEvent.click(screen.getByRole('button', { name: 'Edit entry at 2025-03-04 10:32 GMT+1' }));
    expect(screen.queryByTestId('entry-form-notice')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete entry at 2025-03-04 10:32 GMT+1' }));
    expect(screen.queryByRole('form', { name: /^(Add|Edit) entry$/ })).toBeNull();
    expect(screen.getAllByTestId('timeline-entry').map((li) => li.textContent)).toEqual([expect.stringContaining(HOSTILE)]);
  });

  it('says when a time typed falls in the hour the clocks skip, and where the entry lands', async () => {
    await renderSection();
    const form = openNewEntry('2025-03-30', '02:30');
    expect(screen.getByTestId('entry-gap').textContent).toBe('02:30 does not exist on 2025-03-30 in Europe/Berlin (the clocks went forward): the entry is at 03:30.');
    fireEvent.input(within(form).getByLabelText(/^Time/), { target: { value: '03:30' } });
    expect(screen.queryByTestId('entry-gap')).toBeNull();
  });

  it('an edit that leaves the date and time alone keeps the moment: its seconds, and the second 01:30 of the night clocks go back', async () => {
    // 06:30:45Z is 01:30:45 EST, the second 01:30 in New York that night (05:30 EDT was the first).
    const night = { ...DATA, entries: [{ id: 'n', at: '2025-11-02T06:30:45.000Z', text: 'second pass' }], unplaced: [] };
    const client = fakeClient(stored(night));
    render(<TimelineSection client={client as unknown as TimelineClient} isIncident={false} canWrite zone="America/New_York" />);
    fireEvent.click(await screen.findByRole('button', { name: /^Edit entry at/ }));
    expect(screen.getByTestId('entry-twice').textContent).toBe('01:30 happens twice on 2025-11-02 in America/New_York (the clocks went back): the entry is at the second one.');
    fireEvent.input(screen.getByLabelText('What happened'), { target: { value: 'second pass, edited' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Edit entry' }));
    client.hide();
    await waitFor(() => expect(client.saveDraft).toHaveBeenCalled());
    expect((client.saveDraft.mock.lastCall![0].data as TimelineDraftData).entries).toEqual([{ id: 'n', at: '2025-11-02T06:30:45.000Z', text: 'second pass, edited' }]);
    // A time typed by hand in that hour is the first one, and the form says so.
    openNewEntry('2025-11-02', '01:15');
    expect(screen.getByTestId('entry-twice').textContent).toContain('the entry is at the first one.');
    expect(screen.getByTestId('entry-utc').textContent).toBe('Stored as 2025-11-02 05:15 UTC');
  });

  it('Escape keeps a form in which only the date was changed', async () => {
    await renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Edit entry at 2025-03-04 10:32 GMT+1' }));
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2025-03-05' } });
    fireEvent.keyDown(screen.getByLabelText('Date'), { key: 'Escape' });
    expect(screen.getByRole('form', { name: 'Edit entry' })).toBeTruthy();
    expect(screen.getByText('Escape keeps what you typed: use Cancel to discard it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add entry' }));
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2025-01-01' } });
    fireEvent.keyDown(screen.getByLabelText('Date'), { key: 'Escape' });
    expect(screen.getByRole('form', { name: 'Add entry' })).toBeTruthy();
  });

  it('adds the entry with Ctrl+Enter in its text, where Enter is a new line', async () => {
    await renderSection();
    const form = openNewEntry('2025-03-04', '08:15');
    fireEvent.input(within(form).getByLabelText('What happened'), { target: { value: 'Alert fired\nand paged' } });
    fireEvent.keyDown(within(form).getByLabelText('What happened'), { key: 'Enter' });
    expect(screen.getByRole('form', { name: 'Add entry' })).toBeTruthy();
    fireEvent.keyDown(within(form).getByLabelText('What happened'), { key: 'Enter', ctrlKey: true });
    expect(screen.queryByRole('form', { name: 'Add entry' })).toBeNull();
    expect(screen.getAllByTestId('timeline-entry')[0]!.textContent).toContain('Alert fired\nand paged');
  });

  it('marks entries taken from internal notes', async () => {
    await renderSection(fakeClient(stored({ ...DATA, entries: [...DATA.entries, { id: 'c', at: '2025-03-04T11:00:00.000Z', text: 'license key shared', source: 'note:7', internal: true }] })));
    const marked = screen.getAllByTestId('timeline-entry').filter((li) => li.querySelector('.internal'));
    expect(marked.map((li) => li.textContent)).toEqual([expect.stringContaining('license key shared')]);
  });

  it('saves at once when the page is hidden, without waiting for the debounce', async () => {
    const client = await renderSection();
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete entry at/ })[0]!);
    client.hide();
    await waitFor(() => expect(client.saveDraft).toHaveBeenCalledTimes(1), { timeout: 300 });
  });

  it('when another tab saved first, shows the choice; "Use the other version" takes it, "Keep mine" saves over it', async () => {
    const client = await renderSection();
    client.bumpOtherTab();
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete entry at/ })[0]!);
    client.hide();
    const alert = await screen.findByTestId('draft-conflict');
    expect(alert.textContent).toContain('Another tab saved a newer version of this draft (2 entries)');
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Post timeline' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('publish-waits').textContent).toBe('Choose which version of the draft to keep (above) before posting.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(client.saveDraft.mock.calls.at(-1)![1]).toBe(4));
    await waitFor(() => expect(screen.queryByTestId('draft-conflict')).toBeNull());
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(1);

    client.bumpOtherTab();
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete entry at/ })[0]!);
    client.hide();
    fireEvent.click(within(await screen.findByTestId('draft-conflict')).getByRole('button', { name: 'Use the other version' }));
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(2);
  });

  it('"Keep both" after a clash keeps this tab\'s entries, adds the other tab\'s that this one lacks, and what was deleted here stays deleted', async () => {
    const client = await renderSection();
    const theirs = { ...DATA, entries: [...DATA.entries, { id: 'z', at: '2025-03-04T12:00:00.000Z', text: 'from the other tab' }] };
    client.saveDraft.mockImplementationOnce(async () => ok<DraftSaveResult>({ status: 'conflict', current: stored(theirs, 7) }));
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete entry at/ })[0]!);
    client.hide();
    fireEvent.click(within(await screen.findByTestId('draft-conflict')).getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(client.saveDraft.mock.calls.at(-1)![1]).toBe(7));
    // The entry deleted here stays deleted; the other tab's new one comes in.
    expect((client.saveDraft.mock.calls.at(-1)![0].data as TimelineDraftData).entries.map((e) => e.id)).toEqual(['z', 'b']);
    expect(screen.getAllByTestId('timeline-entry').map((li) => li.textContent)).toEqual([
      expect.stringContaining('from the other tab'), expect.stringContaining(HOSTILE),
    ]);
  });

  it('once posted, "Update timeline comment" is the primary button only while there are changes to post', async () => {
    const mark = { revision: 3, noteId: 9, noteUrl: 'https://gitlab.com/x/-/issues/1#note_9', at: '2025-03-05T12:00:00.000Z' };
    await renderSection(fakeClient({ ...stored(DATA), published: mark }));
    const button = screen.getByRole('button', { name: 'Update timeline comment' });
    expect([button.className, screen.getByTestId('published-state').textContent]).toEqual(['', 'Up to date on GitLab. View comment']);
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete entry at/ })[0]!);
    expect(screen.getByRole('button', { name: 'Update timeline comment' }).className).toBe('primary');
  });

  it('leaving the page with the clash still open keeps both versions instead of dropping this tab\'s', async () => {
    const client = await renderSection();
    const theirs = { ...DATA, entries: [...DATA.entries, { id: 'z', at: '2025-03-04T12:00:00.000Z', text: 'from the other tab' }] };
    client.saveDraft.mockImplementationOnce(async () => ok<DraftSaveResult>({ status: 'conflict', current: stored(theirs, 7) }));
    openNewEntry('2025-03-04', '14:00');
    fireEvent.input(screen.getByLabelText('What happened'), { target: { value: 'only in this tab' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add entry' }));
    client.hide();
    await screen.findByTestId('draft-conflict');
    // Hiding the page (a switch to the other tab to compare) leaves the choice open; leaving it keeps both.
    client.hide();
    await new Promise((done) => setTimeout(done, 20));
    expect(screen.getByTestId('draft-conflict')).toBeTruthy();
    expect(client.saveDraft.mock.calls.at(-1)![1]).not.toBe(7);
    client.hide(true);
    await waitFor(() => expect(client.saveDraft.mock.calls.at(-1)![1]).toBe(7));
    expect((client.saveDraft.mock.calls.at(-1)![0].data as TimelineDraftData).entries.map((e) => e.text)).toEqual([
      'Customer reports 500s', 'from the other tab', 'only in this tab', HOSTILE,
    ]);
  });

  it('typing that is no entry yet is nothing to post: only a change to the entries makes Update primary again', async () => {
    const mark = { revision: 2, noteId: 9, noteUrl: 'https://gitlab.com/x/-/issues/1#note_9', at: '2025-03-05T12:00:00.000Z', entries: entriesFingerprint(DATA.entries) };
    const client = await renderSection(fakeClient({ ...stored(DATA), published: mark }));
    openNewEntry('2025-03-04', '12:00');
    fireEvent.input(screen.getByLabelText('What happened'), { target: { value: 'half typed' } });
    client.hide();
    await waitFor(() => expect(client.saveDraft).toHaveBeenCalled());
    expect(screen.getByTestId('published-state').textContent).toBe('Up to date on GitLab. View comment');
    expect(screen.getByRole('button', { name: 'Update timeline comment' }).className).toBe('');
    fireEvent.submit(screen.getByRole('form', { name: 'Add entry' }));
    expect(screen.getByTestId('published-state').textContent).toContain('Changed since last posted.');
    expect(screen.getByRole('button', { name: 'Update timeline comment' }).className).toBe('primary');
  });

  it('warns in a clash when the other version is the one posted on GitLab', async () => {
    const client = await renderSection();
    const mark = { revision: 7, noteId: 9, noteUrl: 'https://gitlab.com/x/-/issues/1#note_9', at: '2025-03-05T12:00:00.000Z' };
    client.saveDraft.mockImplementationOnce(async () => ok<DraftSaveResult>({ status: 'conflict', current: { ...stored(DATA, 7), published: mark } }));
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete entry at/ })[0]!);
    client.hide();
    expect((await screen.findByTestId('draft-conflict')).textContent).toContain('(2 entries, posted on GitLab: keeping yours and posting removes what only it has)');
  });

  it('says why an emptied timeline cannot update its comment', async () => {
    const mark = { revision: 3, noteId: 9, noteUrl: 'https://gitlab.com/x/-/issues/1#note_9', at: '2025-03-05T12:00:00.000Z' };
    await renderSection(fakeClient({ ...stored(DATA), published: mark }));
    for (const button of screen.getAllByRole('button', { name: /^Delete entry at/ })) fireEvent.click(button);
    expect((screen.getByRole('button', { name: 'Update timeline comment' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('publish-empty').textContent).toContain('delete the comment on GitLab');
  });

  it('publishes the saved revision, reports the result, and keeps the draft with the error when GitLab fails', async () => {
    const client = await renderSection();
    client.publish.mockResolvedValueOnce({ ok: false, error: errorFromResponse(502, { message: '502 Bad Gateway' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Post timeline' }));
    const alert = await within(screen.getByTestId('timeline-publish')).findByRole('alert');
    expect(alert.textContent).toContain('GitLab answered with an error (502)');
    expect(alert.textContent).toContain('Your timeline is kept as a draft.');
    expect(client.publish).toHaveBeenCalledWith({ revision: 3, internal: false, incidentEvents: false, zone: ZONE });
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(2);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('publish-outcome').textContent).toContain('Posted the timeline as a new comment'));
    expect(screen.getByTestId('published-state').querySelector('a')!.getAttribute('href')).toBe('https://gitlab.com/x/-/issues/1#note_9');
    expect(screen.getByTestId('published-state').textContent).toBe('Up to date on GitLab. View comment');
    // GitLab decided when the comment was first posted: the box now says what it is, and is fixed.
    const box = screen.getByLabelText(/^Internal note/) as HTMLInputElement;
    expect([box.checked, box.disabled]).toEqual([false, true]);
    expect(box.closest('label')!.textContent).toContain('the timeline comment was posted publicly');
    // The report is about that post: an edit after it makes it stale, and it goes.
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete entry at/ })[0]!);
    await waitFor(() => expect(screen.getByTestId('published-state').textContent).toMatch(/^Changed since last posted/));
    expect(screen.getByTestId('publish-outcome').textContent).toBe('');
  });

  it('posts as an internal note by default when entries come from internal notes, and warns when that is unticked', async () => {
    const client = fakeClient(stored({ ...DATA, entries: [...DATA.entries, { id: 'c', at: '2025-03-04T11:00:00.000Z', text: 'license key shared', source: 'note:7', internal: true }] }));
    await renderSection(client);
    const box = screen.getByLabelText(/^Internal note/) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(screen.queryByTestId('internal-warning')).toBeNull();
    fireEvent.click(box);
    expect(screen.getByTestId('internal-warning').textContent).toBe('1 entry comes from internal notes: a comment that is not internal shows it to everyone who can see this issue.');
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Post timeline' }));
    await waitFor(() => expect(client.publish).toHaveBeenCalledWith(expect.objectContaining({ internal: true })));
  });

  it('says that a public timeline comment is given no text from internal notes, once that comment is there', async () => {
    const withInternal = { ...DATA, entries: [...DATA.entries, { id: 'c', at: '2025-03-04T11:00:00.000Z', text: 'license key shared', source: 'note:7', internal: true as const }] };
    const published = { revision: 2, noteId: 9, noteUrl: 'https://gitlab.com/x/-/issues/1#note_9', at: '2025-03-05T12:00:00.000Z', internal: false };
    await renderSection(fakeClient({ ...stored(withInternal), published }));
    expect((screen.getByLabelText(/^Internal note/) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('internal-warning').textContent).toBe('1 entry comes from internal notes, and the timeline comment on GitLab is public: an entry it does not show already is not posted there.');
  });

  it('a tab that is behind, asked to post, shows the version another tab saved and says to review it', async () => {
    const client = fakeClient();
    const newer = { ...DATA, entries: [...DATA.entries, { id: 'c', at: '2025-03-04T11:00:00.000Z', text: 'added in the other tab' }] };
    client.publish.mockResolvedValueOnce({ ok: false, error: { kind: 'stale-draft', status: 0, message: 'The timeline was changed in another tab.' } });
    await renderSection(client);
    client.loadDraft.mockResolvedValue(ok(stored(newer, 5)));
    fireEvent.click(screen.getByRole('button', { name: 'Post timeline' }));
    const alert = await within(screen.getByTestId('timeline-publish')).findByRole('alert');
    expect(alert.querySelector('p')!.textContent).toBe('Another tab saved a newer version of this timeline; it is shown here now. Review it, then post again.');
    await waitFor(() => expect(screen.getAllByTestId('timeline-entry').map((li) => li.textContent)).toContainEqual(expect.stringContaining('added in the other tab')));
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(client.publish).toHaveBeenLastCalledWith(expect.objectContaining({ revision: 5 })));
  });

  it('keeps an entry added while a post is on its way, beside the entries the post took in from GitLab, with no clash shown meanwhile', async () => {
    const client = fakeClient();
    await renderSection(client);
    const taken = { id: 't', at: '2025-03-04T08:00:00.000Z', text: 'posted from another browser' };
    let answer = () => undefined as void;
    client.publish.mockImplementationOnce((o) => new Promise((resolve) => {
      // As the worker does: the entries taken in from GitLab's comment are a newer revision of the draft.
      client.bumpOtherTab();
      client.loadDraft.mockResolvedValue(ok(stored({ ...DATA, entries: [taken, ...DATA.entries] }, o.revision + 1)));
      answer = () => resolve(ok<TimelinePublishResult>({ noteId: 9, noteUrl: 'https://gitlab.com/x/-/issues/1#note_9', action: 'updated', internal: false, revision: o.revision + 1, entries: 'x', takenFromGitLab: 1, incidentEvents: null }));
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Post timeline' }));
    await waitFor(() => expect(client.publish).toHaveBeenCalled());
    const form = openNewEntry('2025-03-04', '12:00');
    fireEvent.input(within(form).getByLabelText('What happened'), { target: { value: 'Added while posting' } });
    fireEvent.submit(form);
    await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS + 200)); // long past the usual save
    expect(screen.queryByRole('button', { name: 'Keep both' })).toBeNull();
    expect(client.saveDraft).not.toHaveBeenCalled();
    answer();
    const texts = () => screen.getAllByTestId('timeline-entry').map((li) => li.textContent);
    await waitFor(() => expect(texts()).toEqual([expect.stringContaining('posted from another browser'), expect.stringContaining('Customer reports 500s'), expect.stringContaining('Added while posting'), expect.stringContaining(HOSTILE)]));
    await waitFor(() => expect(client.saveDraft).toHaveBeenCalledTimes(1));
    const [draft, base] = client.saveDraft.mock.calls[0]!;
    expect(base).toBe(4);
    expect((draft.data as TimelineDraftData).entries.map((e) => e.text)).toEqual(['posted from another browser', 'Customer reports 500s', 'Added while posting', HOSTILE]);
    await waitFor(() => expect(screen.getByTestId('draft-status').textContent).toMatch(/^Draft saved/));
    expect(screen.queryByRole('button', { name: 'Keep both' })).toBeNull();
  });

  it('a rate-limited post counts down and still says the timeline is kept as a draft', async () => {
    const client = fakeClient();
    client.publish.mockResolvedValueOnce({ ok: false, error: errorFromResponse(429, { message: '429 Too Many Requests' }, '30') });
    await renderSection(client);
    fireEvent.click(screen.getByRole('button', { name: 'Post timeline' }));
    const alert = await within(screen.getByTestId('timeline-publish')).findByRole('alert');
    expect(alert.querySelector('p')!.textContent).toBe('GitLab is rate limiting your requests. Try again in 30 s. Your timeline is kept as a draft.');
  });

  it('offers incident events only on incidents and says why not otherwise', async () => {
    await renderSection();
    const box = screen.getByLabelText('Also write GitLab incident timeline events') as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(screen.getByText(/Unavailable: GitLab keeps incident timeline events only on issues of type incident/)).toBeTruthy();
  });

  it('a run of incident events that stopped part way is an alert with Try again, and the comment is not called all that GitLab needs', async () => {
    const client = fakeClient();
    const stopped = { ...errorFromResponse(502, {}), message: 'GitLab answered with an error (502). Try again in a minute.' };
    client.publish.mockImplementation(async (o) => ok<TimelinePublishResult>({ noteId: 9, noteUrl: 'https://gitlab.com/x/-/issues/1#note_9', action: 'created', internal: false, revision: o.revision, entries: entriesFingerprint(DATA.entries), takenFromGitLab: 0, incidentEvents: { created: 1, alreadyThere: 0, refused: [], stopped, notSent: 1 } }));
    await renderSection(client, true);
    fireEvent.click(screen.getByLabelText('Also write GitLab incident timeline events'));
    fireEvent.click(screen.getByRole('button', { name: 'Post timeline' }));
    const publish = screen.getByTestId('timeline-publish');
    const alert = await within(publish).findByRole('alert');
    expect(alert.textContent).toContain('The comment is on GitLab, but writing incident timeline events stopped with 1 not sent: GitLab answered with an error (502). Try again in a minute. Try again sends only the events GitLab does not have yet.');
    expect(screen.getByTestId('publish-outcome').textContent).toBe('Posted the timeline as a new comment. GitLab accepted 1 incident timeline event.');
    expect(screen.getByTestId('published-state').textContent).toContain('Comment up to date; incident events missing.');
    expect(within(publish).getByRole('button', { name: 'Update timeline comment' }).className).toBe('primary');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(client.publish).toHaveBeenCalledTimes(2));
    expect(client.publish).toHaveBeenLastCalledWith(expect.objectContaining({ incidentEvents: true }));
  });

  it('after a reload, still says which incident events the last post left unwritten, and Try again sends them', async () => {
    const mark = { revision: 3, noteId: 9, noteUrl: 'https://gitlab.com/x/-/issues/1#note_9', at: '2025-03-05T12:00:00.000Z', eventsMissing: 2 };
    const client = await renderSection(fakeClient({ ...stored(DATA), published: mark }), true);
    const publish = screen.getByTestId('timeline-publish');
    const alert = within(publish).getByRole('alert');
    expect(alert.textContent).toContain('The comment is on GitLab, but when it was last posted 2 incident timeline events were not written. Try again sends only the events GitLab does not have yet.');
    expect(screen.getByTestId('published-state').textContent).toContain('Comment up to date; incident events missing.');
    expect(within(publish).getByRole('button', { name: 'Update timeline comment' }).className).toBe('primary');
    // The box was never ticked on this page: Try again sends the events all the same.
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(client.publish).toHaveBeenCalledWith(expect.objectContaining({ incidentEvents: true })));
  });

  it('once the extension was updated under the page, offers to copy the timeline before the reload, as lines Paste transcript reads back', async () => {
    const client = fakeClient();
    client.saveDraft.mockResolvedValue({ ok: false, error: extensionUpdatedError() });
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderSection(client);
    const form = openNewEntry('2025-03-04', '12:00');
    fireEvent.input(within(form).getByLabelText('What happened'), { target: { value: 'Added after\nthe update' } });
    fireEvent.submit(form);
    const halfTyped = openNewEntry('2025-03-05', '09:15');
    fireEvent.input(within(halfTyped).getByLabelText('What happened'), { target: { value: 'half-typed' } });
    const offer = await screen.findByTestId('copy-unsaved', {}, { timeout: 3000 });
    fireEvent.click(within(offer).getByRole('button', { name: 'Copy the timeline' }));
    await waitFor(() => expect(within(offer).getByRole('status').textContent).toContain('Copied.'));
    const copied = writeText.mock.calls[0]![0];
    expect(copied.split('\n')).toEqual([
      'someone joined', // a line still to place
      '2025-03-04 09:32 UTC Customer reports 500s',
      '2025-03-04 11:00 UTC Added after the update',
      `2025-03-04 23:30 UTC ${HOSTILE} https://gitlab.com/x/-/issues/1#note_5`,
      '2025-03-05 09:15 half-typed',
    ]);
    const read = parseTranscript(copied, { date: '2025-03-04', zone: ZONE, today: '2025-03-06' });
    expect(read.messages.map((m) => new Date(m.at).toISOString())).toEqual(['2025-03-04T09:32:00.000Z', '2025-03-04T11:00:00.000Z', '2025-03-04T23:30:00.000Z', '2025-03-05T08:15:00.000Z']);
    expect(read.unplaced.map((line) => line.text)).toEqual(['someone joined']);
  });

  it('lists lines the transcript could not place, and adds one at the time the user gives', async () => {
    const client = await renderSection();
    const lines = screen.getByTestId('unplaced-lines');
    expect(lines.textContent).toContain('Line 4: someone joined');
    expect((within(lines).getByLabelText('Date for line 4') as HTMLInputElement).value).toBe('2025-03-04'); // the first entry's day
    fireEvent.input(within(lines).getByLabelText('Date for line 4'), { target: { value: '2025-03-05' } });
    fireEvent.input(within(lines).getByLabelText('Time for line 4'), { target: { value: '11:00' } });
    fireEvent.click(within(lines).getByRole('button', { name: 'Add line 4 at this time' }));
    expect(screen.queryByTestId('unplaced-lines')).toBeNull();
    expect(screen.getAllByTestId('timeline-entry').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Customer reports 500s'), expect.stringContaining(HOSTILE), expect.stringMatching(/^2025-03-05 11:00 .*someone joined/),
    ]);
    expect(client.parseTranscript).not.toHaveBeenCalled();
  });

  it('the date and time typed for a line still to place are saved with it, and come back with the draft', async () => {
    const client = await renderSection();
    const lines = screen.getByTestId('unplaced-lines');
    fireEvent.input(within(lines).getByLabelText('Date for line 4'), { target: { value: '2025-03-05' } });
    fireEvent.input(within(lines).getByLabelText('Time for line 4'), { target: { value: '11:00' } });
    client.hide();
    await waitFor(() => expect(client.saveDraft).toHaveBeenCalled());
    expect((client.saveDraft.mock.calls.at(-1)![0].data as TimelineDraftData).unplaced).toEqual([{ line: 4, text: 'someone joined', reason: 'no time on this line', date: '2025-03-05', time: '11:00' }]);
    cleanup();
    await renderSection(fakeClient(stored({ ...DATA, unplaced: [{ line: 4, text: 'someone joined', reason: 'no time on this line', date: '2025-03-05', time: '11:00' }] })));
    const again = screen.getByTestId('unplaced-lines');
    expect((within(again).getByLabelText('Date for line 4') as HTMLInputElement).value).toBe('2025-03-05');
    expect((within(again).getByLabelText('Time for line 4') as HTMLInputElement).value).toBe('11:00');
  });

  it('says where a line lands when the time given for it is one the clocks skip', async () => {
    await renderSection();
    const lines = screen.getByTestId('unplaced-lines');
    fireEvent.input(within(lines).getByLabelText('Date for line 4'), { target: { value: '2025-03-30' } });
    fireEvent.input(within(lines).getByLabelText('Time for line 4'), { target: { value: '02:30' } });
    expect(within(lines).getByRole('status').textContent).toBe('02:30 does not exist on 2025-03-30 in Europe/Berlin (the clocks went forward): the entry is at 03:30.');
    fireEvent.input(within(lines).getByLabelText('Time for line 4'), { target: { value: '03:30' } });
    expect(within(lines).queryByRole('status')).toBeNull();
  });

  it('places a line with Enter in its time field (each line is a form)', async () => {
    await renderSection();
    const lines = screen.getByTestId('unplaced-lines');
    fireEvent.input(within(lines).getByLabelText('Time for line 4'), { target: { value: '11:00' } });
    fireEvent.submit(within(lines).getByRole('form', { name: 'Place line 4' }));
    expect(screen.queryByTestId('unplaced-lines')).toBeNull();
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(3);
  });

  it('reading the same chat again adds nothing twice, and says so', async () => {
    const client = await renderSection();
    client.parseTranscript.mockImplementation(async () => ok({
      messages: [{ line: 1, at: Date.parse('2025-03-04T09:32:30Z'), text: 'Customer reports 500s' }, { line: 2, at: Date.parse('2025-03-04T09:40:00Z'), author: 'Lee', text: 'on it' }],
      unplaced: [{ line: 4, text: 'someone joined', reason: 'no time on this line' }],
    }));
    fireEvent.input(screen.getByLabelText(/^Chat transcript/), { target: { value: 'the chat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read transcript' }));
    await waitFor(() => expect(screen.getByTestId('paste-outcome').textContent).toBe('Added 1 entry. 2 messages or lines were in the timeline or among its lines to place already, and left out.'));
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(3);
    expect(within(screen.getByTestId('unplaced-lines')).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.input(screen.getByLabelText(/^Chat transcript/), { target: { value: 'the chat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read transcript' }));
    await waitFor(() => expect(screen.getByTestId('paste-outcome').textContent).toBe('Added 0 entries. 3 messages or lines were in the timeline or among its lines to place already, and left out.'));
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(3);
    // A line placed already is not listed again, nor one listed under another number (an overlapping copy).
    fireEvent.input(within(screen.getByTestId('unplaced-lines')).getByLabelText('Time for line 4'), { target: { value: '11:00' } });
    fireEvent.submit(within(screen.getByTestId('unplaced-lines')).getByRole('form', { name: 'Place line 4' }));
    client.parseTranscript.mockImplementation(async () => ok({ messages: [], unplaced: [{ line: 9, text: 'someone joined', reason: 'no time on this line' }, { line: 10, text: 'new line', reason: 'no time on this line' }] }));
    fireEvent.input(screen.getByLabelText(/^Chat transcript/), { target: { value: 'the chat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read transcript' }));
    await waitFor(() => expect(screen.getByTestId('paste-outcome').textContent).toBe('Added 0 entries. 1 message or line was in the timeline or among its lines to place already, and left out. 1 line needs a time: see below.'));
    expect(screen.getByTestId('unplaced-lines').textContent).toContain('Line 10: new line');
    expect(screen.getByTestId('unplaced-lines').textContent).not.toContain('someone joined');
    // The box the user opened stays open with its answer, also once no line is left to place.
    fireEvent.click(within(screen.getByTestId('unplaced-lines')).getByRole('button', { name: /^Dismiss/ }));
    expect(screen.getByTestId('timeline-paste').closest('details')!.open).toBe(true);
  });

  it('after a line is placed or dismissed, focus goes on to the next line, and to the paste box after the last', async () => {
    const three = ['first', 'second', 'third'].map((text, i) => ({ line: i + 1, text, reason: 'no time on this line' }));
    await renderSection(fakeClient(stored({ ...DATA, unplaced: three })));
    const lines = screen.getByTestId('unplaced-lines');
    fireEvent.click(within(lines).getByRole('button', { name: 'Dismiss line 1' }));
    await waitFor(() => expect(document.activeElement).toBe(within(lines).getByLabelText('Time for line 2')));
    fireEvent.input(within(lines).getByLabelText('Time for line 2'), { target: { value: '11:00' } });
    fireEvent.click(within(lines).getByRole('button', { name: 'Add line 2 at this time' }));
    await waitFor(() => expect(document.activeElement).toBe(within(lines).getByLabelText('Time for line 3')));
    fireEvent.click(within(lines).getByRole('button', { name: 'Dismiss line 3' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Chat transcript/)));
  });

  it('refuses a paste that would not fit beside the entries already there, keeping the text and the draft saveable', async () => {
    const client = await renderSection();
    const messages = Array.from({ length: 4999 }, (_, i) => ({ line: i + 1, at: Date.parse('2025-03-04T10:00:00Z') + i * 60_000, text: `message ${i}` }));
    client.parseTranscript.mockResolvedValueOnce(ok({ messages, unplaced: [] }));
    fireEvent.click(screen.getByText('Paste transcript'));
    fireEvent.input(screen.getByLabelText(/^Chat transcript/), { target: { value: 'a long chat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read transcript' }));
    await waitFor(() => expect(screen.getByTestId('paste-outcome').textContent).toBe(
      'That is 4999 new messages and 0 new lines without a time; this timeline has room for 4998 and 4999 more. Paste the part around the emergency.'));
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(2);
    expect((screen.getByLabelText(/^Chat transcript/) as HTMLTextAreaElement).value).toBe('a long chat');
  });

  it('says that a paste longer than the draft keeps is dropped by a reload until it is read', async () => {
    await renderSection();
    fireEvent.click(screen.getByText('Paste transcript'));
    fireEvent.input(screen.getByLabelText(/^Chat transcript/), { target: { value: 'short chat' } });
    expect(screen.queryByTestId('paste-too-long-to-keep')).toBeNull();
    fireEvent.input(screen.getByLabelText(/^Chat transcript/), { target: { value: '10:00 x\n'.repeat(PASTE_DRAFT_MAX / 4) } });
    expect(screen.getByTestId('paste-too-long-to-keep').textContent).toBe('This paste is longer than the draft keeps (200,000 characters): read it now, as a reload or leaving the page drops it until it is read.');
  });

  it('says when very long messages were shortened to fit an entry', async () => {
    const client = await renderSection();
    client.parseTranscript.mockResolvedValueOnce(ok({ messages: [{ line: 1, at: Date.parse('2025-03-04T10:00:00Z'), text: 'x'.repeat(6000) }], unplaced: [] }));
    fireEvent.click(screen.getByText('Paste transcript'));
    fireEvent.input(screen.getByLabelText(/^Chat transcript/), { target: { value: 'a stack trace' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read transcript' }));
    await waitFor(() => expect(screen.getByTestId('paste-outcome').textContent).toBe('Added 1 entry. 1 very long message was shortened to 5,000 characters.'));
    await waitFor(() => expect(client.saveDraft).toHaveBeenCalled(), { timeout: 3000 });
    expect((client.saveDraft.mock.calls.at(-1)![0].data as TimelineDraftData).entries.every((e) => e.text.length <= 5000)).toBe(true);
  });

  it('names the day Slack\'s "Yesterday" was read as, and "Today" only when the paste had it', async () => {
    const client = await renderSection();
    const message = { line: 2, at: Date.parse('2025-03-04T10:00:00Z'), text: 'paged' };
    client.parseTranscript.mockResolvedValueOnce(ok({ messages: [message], unplaced: [], relativeDays: { today: '2025-03-05', read: ['Yesterday'] } }));
    fireEvent.click(screen.getByText('Paste transcript'));
    fireEvent.input(screen.getByLabelText(/^Chat transcript/), { target: { value: 'Yesterday\n10:00 paged' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read transcript' }));
    await waitFor(() => expect(screen.getByTestId('paste-outcome').textContent).toBe(
      'Added 1 entry. Slack\'s "Yesterday" was read as 2025-03-04, the day before this paste. Edit the entries if the chat was copied on another day.'));
  });

  it('shows a long timeline 200 entries at a time', async () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ id: `e${String(i).padStart(3, '0')}`, at: new Date(Date.parse('2025-03-04T00:00:00Z') + i * 60_000).toISOString(), text: `entry ${i}` }));
    await renderSection(fakeClient(stored({ entries: many, unplaced: [], form: null })));
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(200);
    fireEvent.click(screen.getByRole('button', { name: 'Show 200 more (250 not shown yet)' }));
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(400);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more (50 not shown yet)' }));
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(450);
    expect(screen.queryByTestId('more-entries')).toBeNull();
  });

  it('shows the load error with a retry, and an empty state for a new timeline', async () => {
    const client = fakeClient(stored(null));
    client.loadDraft.mockResolvedValueOnce({ ok: false, error: errorFromResponse(500, {}) } as never);
    render(<TimelineSection client={client as unknown as TimelineClient} isIncident={false} canWrite zone={ZONE} />);
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('timeline-empty');
    expect((screen.getByRole('button', { name: 'Post timeline' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
