// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingsSection } from '@/components/FindingsSection';
import type { FollowUpClient } from '@/components/panel-client';
import type { Result } from '@/lib/messaging';
import type { Finding } from '@/lib/retro/findings';

const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
const created = { reference: 'gitlab-org/gitlab#100', webUrl: 'https://gitlab.com/gitlab-org/gitlab/-/issues/100', kind: 'created' as const };

function fakeFollowUps(candidates: { reference: string; title: string; webUrl: string; score: number }[] = []) {
  return {
    similar: vi.fn<FollowUpClient['similar']>(async () => ok({ candidates })),
    create: vi.fn<FollowUpClient['create']>(async () => ok({ followUp: created, linked: true })),
    checkIn: vi.fn<FollowUpClient['checkIn']>(async (_finding, target) =>
      ok({ followUp: { reference: target, webUrl: `https://gitlab.com/${target.replace('#', '/-/issues/')}`, kind: 'check-in' as const } })),
  };
}

let latest: Finding[] = [];
function Harness({ initial, client }: { initial: Finding[]; client: FollowUpClient }) {
  const [findings, setFindings] = useState(initial);
  latest = findings;
  return <FindingsSection findings={findings} client={client} canWrite onChange={setFindings} onOpenOptions={() => undefined} />;
}

const bug = (over: Partial<Finding> = {}): Finding => ({ id: 'fbug1', list: 'couldBeBetter', text: 'Geo replication stalls silently', type: 'bug', state: 'open', ...over });

afterEach(cleanup);

describe('FindingsSection', () => {
  it('adds a finding to a list and keeps what is typed', async () => {
    render(<Harness initial={[]} client={fakeFollowUps()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add to “What went well”' }));
    fireEvent.input(screen.getByLabelText('What went well 1'), { target: { value: 'Fast triage' } });
    expect(latest).toMatchObject([{ list: 'wentWell', text: 'Fast triage', state: 'open' }]);
    // Went well is not actionable: no follow-up choice there.
    expect(screen.queryByLabelText('Follow-up for What went well 1')).toBeNull();
  });

  it('keyboard: an added finding takes focus; after a removal focus goes to the neighbour, else to the list\'s Add button', async () => {
    render(<Harness initial={[bug(), bug({ id: 'fbug2', text: 'Second' })]} client={fakeFollowUps()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add to “What went well”' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('What went well 1')));
    fireEvent.click(screen.getByRole('button', { name: 'Remove What could have gone better 1' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('What could have gone better 1')));
    expect((document.activeElement as HTMLTextAreaElement).value).toBe('Second');
    fireEvent.click(screen.getByRole('button', { name: 'Remove What could have gone better 1' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add to “What could have gone better”' })));
  });

  it('creates a follow-up in one click when nothing similar exists, and shows its link', async () => {
    const client = fakeFollowUps();
    render(<Harness initial={[bug()]} client={client} />);
    fireEvent.click(screen.getByRole('button', { name: /Create: new bug issue/ }));
    await screen.findByTestId('follow-up-link');
    // Its controls are gone: the keyboard lands on the new issue's link.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('link', { name: 'gitlab-org/gitlab#100' })));
    expect(client.similar).toHaveBeenCalledWith('bug', 'Geo replication stalls silently', 'fbug1');
    expect(client.create).toHaveBeenCalledTimes(1);
    expect(latest[0]!.followUp).toEqual(created);
    expect(screen.getByRole('link', { name: 'gitlab-org/gitlab#100' }).getAttribute('href')).toBe(created.webUrl);
  });

  it('a follow-up that answers late keeps what was typed meanwhile', async () => {
    const client = fakeFollowUps();
    let answer: (reply: Awaited<ReturnType<FollowUpClient['create']>>) => void = () => undefined;
    client.create.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    render(<Harness initial={[bug(), bug({ id: 'fbug2', text: 'Second finding' })]} client={client} />);
    fireEvent.click(screen.getAllByRole('button', { name: /Create: new bug issue/ })[0]!);
    await waitFor(() => expect(client.create).toHaveBeenCalled());
    fireEvent.input(screen.getByLabelText('What could have gone better 2'), { target: { value: 'Second finding, edited' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to “Suggestions”' }));
    answer(ok({ followUp: created, linked: true }));
    await screen.findByTestId('follow-up-link');
    expect(latest.map((f) => [f.text, f.followUp?.reference ?? null])).toEqual([
      ['Geo replication stalls silently', 'gitlab-org/gitlab#100'], ['Second finding, edited', null], ['', null],
    ]);
  });

  it('a first line too short to search by goes straight to the create', async () => {
    const client = fakeFollowUps();
    render(<Harness initial={[bug({ text: 'UI\nAdmin page crashes' })]} client={client} />);
    fireEvent.click(screen.getByRole('button', { name: /Create: new bug issue/ }));
    await screen.findByTestId('follow-up-link');
    expect(client.similar).not.toHaveBeenCalled();
    expect(client.create).toHaveBeenCalledTimes(1);
  });

  it('keeps the owner and the reason within what a draft can hold', () => {
    render(<Harness initial={[bug(), bug({ id: 'fnone1', type: 'no-action' })]} client={fakeFollowUps()} />);
    expect(screen.getByLabelText('Owner of What could have gone better 1').getAttribute('maxlength')).toBe('255');
    expect(screen.getByLabelText('Why no action for What could have gone better 2').getAttribute('maxlength')).toBe('1000');
  });

  it('offers similar issues; taking one checks in there instead of creating a duplicate', async () => {
    const client = fakeFollowUps([{ reference: 'gitlab-org/gitlab#11', title: 'Geo: replication stalled', webUrl: 'https://gitlab.com/gitlab-org/gitlab/-/issues/11', score: 0.8 }]);
    render(<Harness initial={[bug()]} client={client} />);
    fireEvent.click(screen.getByRole('button', { name: /Create: new bug issue/ }));
    // The Create button gives way to the list: focus is on its first choice, not lost to the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Check in there instead' })));
    fireEvent.click(await screen.findByRole('button', { name: 'Check in there instead' }));
    await screen.findByTestId('follow-up-link');
    expect(client.create).not.toHaveBeenCalled();
    expect(client.checkIn).toHaveBeenCalledWith(expect.objectContaining({ id: 'fbug1', type: 'pm-checkin' }), 'gitlab-org/gitlab#11');
    expect(latest[0]!.followUp?.kind).toBe('check-in');
  });

  it('a PM check-in names an existing issue', async () => {
    const client = fakeFollowUps();
    render(<Harness initial={[bug({ type: 'pm-checkin' })]} client={client} />);
    fireEvent.input(screen.getByLabelText('Existing issue for the PM check-in'), { target: { value: 'gitlab-org/gitlab#7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post check-in' }));
    await waitFor(() => expect(client.checkIn).toHaveBeenCalledWith(expect.objectContaining({ id: 'fbug1' }), 'gitlab-org/gitlab#7'));
  });

  it('shows GitLab errors with their message and keeps the finding', async () => {
    const client = fakeFollowUps();
    client.similar.mockResolvedValueOnce({ ok: false, error: { kind: 'not-found', status: 404, message: 'GitLab says not found, or you have no access.' } });
    render(<Harness initial={[bug()]} client={client} />);
    fireEvent.click(screen.getByRole('button', { name: /Create: new bug issue/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not found, or you have no access/);
    expect(latest[0]!.text).toBe('Geo replication stalls silently');
    expect(client.create).not.toHaveBeenCalled();
  });

  it('"no action" asks why and offers no follow-up button', () => {
    render(<Harness initial={[bug({ type: 'no-action' })]} client={fakeFollowUps()} />);
    expect(screen.getByText('Say why this is not worth solving now.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Create:/ })).toBeNull();
    fireEvent.input(screen.getByLabelText('Why no action for What could have gone better 1'), { target: { value: 'Happens once a year' } });
    expect(latest[0]!.reason).toBe('Happens once a year');
  });
});

describe('FindingsSection: removing a finding with a follow-up', () => {
  it('asks first, with focus on the answer; "Keep it" keeps the finding, "Yes, remove" removes it', async () => {
    render(<Harness initial={[bug({ followUp: created })]} client={fakeFollowUps()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove What could have gone better 1' }));
    const question = screen.getByRole('group', { name: 'Remove What could have gone better 1?' });
    expect(question.textContent).toContain('gitlab-org/gitlab#100 stays on GitLab, but the retro notes will not list it.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes, remove' })));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(latest).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove What could have gone better 1' })));
    // Escape answers "keep it" too.
    fireEvent.click(screen.getByRole('button', { name: 'Remove What could have gone better 1' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Yes, remove' }), { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'Yes, remove' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove What could have gone better 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(latest).toHaveLength(0);
  });
});
