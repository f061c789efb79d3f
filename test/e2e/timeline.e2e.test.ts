import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { focusedInPanel, retroPanel } from '../browser/configure';
import { EMERGENCIES_PATH, issueId, PROJECT_IDS, USER_IDS } from '../sandbox/seed';
import { issueUrl, useSession } from './session';

const session = useSession();

interface LocalArea {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

// Drafts live in the extension's storage, which outlives the sandbox reset: start each test without any.
// A closing page may still flush its draft after this, so tests that need an empty timeline each take their own issue.
beforeEach(async () => {
  await session.browser.worker!.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local;
    const stored = await local.get(null);
    await local.remove(Object.keys(stored).filter((key) => key.startsWith('draft:')));
  });
});
const MARKER = '<!-- emergency-retro:timeline -->';
const NOTES_PATH = `/api/v4/projects/${encodeURIComponent(EMERGENCIES_PATH)}/issues/1/notes`;

const timeline = (page: Page) => retroPanel(page).getByRole('region', { name: 'Timeline' });
/** The section loads when opened (it opens itself once the timeline has entries). */
async function expandTimeline(page: Page) {
  const details = retroPanel(page).locator('[data-testid="timeline-details"][data-ready="yes"]');
  await details.waitFor();
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}
const markedNotes = () => session.sandbox.state.notes.filter((n) => n.body.includes(MARKER));
const requests = (method: string, path: string) => session.sandbox.apiRequests().filter((r) => r.method === method && r.path.split('?')[0] === path);

async function openTimeline(path = 'issues/1') {
  const page = await session.browser.context.newPage();
  await page.goto(issueUrl(EMERGENCIES_PATH, path));
  await expandTimeline(page);
  await timeline(page).getByTestId('timeline-empty').or(timeline(page).getByTestId('timeline-entries')).waitFor();
  return page;
}

async function addEntry(page: Page, date: string, time: string, text: string, tag = '') {
  const section = timeline(page);
  if (!(await section.getByLabel('What happened').isVisible())) await section.getByRole('button', { name: 'Add entry' }).click();
  await section.getByLabel('Date').fill(date);
  await section.getByLabel(/^Time/).fill(time);
  await section.getByLabel('What happened').fill(text);
  if (tag) await section.getByLabel('Tag (optional)').selectOption(tag);
  await section.getByRole('button', { name: 'Add entry' }).click();
}

/** How the panel outside the Timeline section is drawn: each element's font weight, margins and border (the first call marks the elements it saw; later calls look at those). */
const panelLook = (page: Page) => page.evaluate(() => {
  const root = document.querySelector('emergency-retro-panel')!.shadowRoot!;
  const seen = [...root.querySelectorAll<HTMLElement>('[data-look]')];
  const elements = seen.length ? seen : [...root.querySelectorAll<HTMLElement>('*')].filter((el) => !el.closest('.timeline'));
  return elements.map((el) => {
    el.dataset.look = '';
    const style = getComputedStyle(el);
    return `${el.tagName} ${style.fontWeight} ${style.margin} ${style.borderTopWidth} ${style.cursor}`;
  });
});

describe('the Timeline section', () => {
  it('leaves the look of the rest of the panel as it was when it loads', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/11'));
    await retroPanel(page).locator('[data-testid="timeline-details"][data-ready="yes"]').waitFor();
    const before = await panelLook(page);
    await expandTimeline(page);
    await timeline(page).getByTestId('timeline-empty').waitFor();
    expect(await panelLook(page)).toEqual(before);
    await page.close();
  });

  it('imports comments, system notes and label events, edits, publishes, and publishes again into the same comment', async () => {
    const page = await openTimeline();
    const section = timeline(page);
    await section.locator('summary', { hasText: 'Import from issue' }).click();
    await section.getByRole('button', { name: 'Import from issue' }).click();
    const candidates = section.getByTestId('import-candidates').getByRole('checkbox');
    await expect.poll(() => candidates.count()).toBe(7); // 6 notes (4 comments, 2 system) + 1 label event
    await expect.poll(() => section.getByTestId('import-candidates').textContent()).toMatch(/@lee-lead · system note: ?assigned to @sam-support/);
    await section.getByRole('button', { name: 'Select all' }).click();
    await section.getByRole('button', { name: 'Add 7 selected' }).click();
    await expect.poll(() => section.getByTestId('timeline-entry').count()).toBe(7);
    // Imported once: a second import offers nothing new.
    await section.getByRole('button', { name: 'Reload from issue' }).click();
    await section.getByTestId('import-empty').waitFor();

    await section.getByRole('button', { name: /^Edit entry at/ }).first().click();
    await section.getByLabel('What happened').fill('Customer emergency label added');
    await section.getByLabel('Tag (optional)').selectOption('Start time');
    await section.getByRole('button', { name: 'Save entry' }).click();
    await addEntry(page, '2030-01-01', '09:00', 'Retro held | follow-ups filed', 'End time');
    await expect.poll(() => section.getByTestId('timeline-entry').count()).toBe(8);
    await expect.poll(() => section.getByTestId('timeline-entry').last().textContent()).toContain('Retro held | follow-ups filed');

    await section.getByRole('button', { name: 'Post timeline' }).click();
    await section.getByTestId('publish-outcome').filter({ hasText: 'Posted the timeline as a new comment' }).waitFor();
    expect(markedNotes()).toHaveLength(1);
    const body = markedNotes()[0]!.body;
    expect(body).toContain('| Customer emergency label added | Start time |');
    expect(body).toContain('Retro held \\| follow-ups filed');
    // Who said it stays with the entry, and no reference in it reaches anyone or any other issue.
    expect(body).toContain('| `@sam-support`: Customer reports the Geo secondary stopped replicating after a network change. Ticket `#512345`. [link](');
    expect(body).toContain('| `@sam-support` marked this issue as related to `gitlab-org/gitlab#7` |');
    expect(body.split('\n').filter((line) => line.startsWith('| 20'))).toHaveLength(8);

    await section.getByRole('button', { name: /^Delete entry at/ }).first().click();
    await section.getByRole('button', { name: 'Update timeline comment' }).click();
    await section.getByTestId('publish-outcome').filter({ hasText: 'Updated the timeline comment' }).waitFor();
    expect(markedNotes()).toHaveLength(1);
    expect(markedNotes()[0]!.body.split('\n').filter((line) => line.startsWith('| 20'))).toHaveLength(7);
    expect(requests('POST', NOTES_PATH)).toHaveLength(1);
    await page.close();
  });

  it('keeps the draft, including a half-typed entry, across a reload', async () => {
    const page = await openTimeline();
    await addEntry(page, '2025-03-04', '10:32', 'Customer reports 500s', 'Impact detected');
    await timeline(page).getByRole('button', { name: 'Add entry' }).click();
    await timeline(page).getByLabel('What happened').fill('Half-typed when the page reloads');
    // No wait for the debounce: the page-hide flush must save it.
    await page.reload();
    await timeline(page).getByTestId('timeline-entries').waitFor();
    expect(await timeline(page).getByTestId('timeline-entry').textContent()).toContain('Customer reports 500s');
    await expect.poll(() => timeline(page).getByLabel('What happened').inputValue()).toBe('Half-typed when the page reloads');
    await page.close();
  });

  it('after GitLab stored the comment and answered 502, says so, keeps the draft, and the retry leaves exactly one comment (C10)', async () => {
    const page = await openTimeline();
    await addEntry(page, '2025-03-04', '10:32', 'Customer reports 500s');
    session.sandbox.fail({ method: 'POST', path: NOTES_PATH, status: 502, afterApply: true });
    const section = timeline(page);
    await section.getByRole('button', { name: 'Post timeline' }).click();
    const notice = section.getByTestId('timeline-publish').getByRole('alert');
    await notice.filter({ hasText: 'GitLab answered with an error (502)' }).filter({ hasText: 'kept as a draft' }).waitFor();
    expect(markedNotes()).toHaveLength(1); // GitLab did store it
    await notice.getByRole('button', { name: 'Try again' }).click();
    await section.getByTestId('publish-outcome').filter({ hasText: 'already up to date' }).waitFor();
    expect(markedNotes()).toHaveLength(1);
    expect(requests('POST', NOTES_PATH)).toHaveLength(1);
    await page.close();
  });

  it('after a 502 on a stored comment, an entry deleted before the retry stays deleted, in the draft and on GitLab', async () => {
    const page = await openTimeline();
    await addEntry(page, '2025-03-04', '10:32', 'Customer reports 500s');
    await addEntry(page, '2025-03-04', '10:40', 'Wrong guess, deleted later');
    session.sandbox.fail({ method: 'POST', path: NOTES_PATH, status: 502, afterApply: true });
    const section = timeline(page);
    await section.getByRole('button', { name: 'Post timeline' }).click();
    const notice = section.getByTestId('timeline-publish').getByRole('alert');
    await notice.filter({ hasText: 'GitLab answered with an error (502)' }).waitFor();
    await section.getByRole('button', { name: 'Delete entry at 2025-03-04 10:40 UTC' }).click();
    await notice.getByRole('button', { name: 'Try again' }).click();
    await section.getByTestId('publish-outcome').filter({ hasText: 'Updated the timeline comment' }).waitFor();
    expect(markedNotes()).toHaveLength(1);
    expect(markedNotes()[0]!.body).not.toContain('Wrong guess');
    expect(await section.getByTestId('timeline-entry').allTextContents()).toEqual([expect.stringContaining('Customer reports 500s')]);
    await page.close();
  });

  it('a public timeline comment is given no entry from an internal note: the panel says so, and GitLab keeps the comment as it was', async () => {
    const page = await openTimeline('issues/11');
    await addEntry(page, '2025-03-04', '10:32', 'Customer reports 500s');
    const section = timeline(page);
    // Nothing internal yet: the box starts unticked, so the comment is public.
    expect(await section.getByRole('checkbox', { name: /Internal note/ }).isChecked()).toBe(false);
    await section.getByRole('button', { name: 'Post timeline' }).click();
    await section.getByTestId('publish-outcome').filter({ hasText: 'Posted the timeline as a new comment' }).waitFor();
    const posted = markedNotes()[0]!.body;
    session.sandbox.state.notes.push({ id: 9901, issueId: issueId(PROJECT_IDS.emergencies, 11), body: 'Customer DB password is hunter2', authorId: USER_IDS.sam, system: false, internal: true, createdAt: '2025-03-04T10:50:00Z', updatedAt: '2025-03-04T10:50:00Z' });
    await section.locator('summary', { hasText: 'Import from issue' }).click();
    await section.getByRole('button', { name: 'Import from issue' }).click();
    await section.getByTestId('import-candidates').getByRole('checkbox', { name: /hunter2/ }).check();
    await section.getByRole('button', { name: /^Add 1 selected$/ }).click();
    await section.getByTestId('internal-warning').filter({ hasText: 'the timeline comment on GitLab is public' }).waitFor();
    await section.getByRole('button', { name: 'Update timeline comment' }).click();
    await section.getByTestId('timeline-publish').getByRole('alert').filter({ hasText: '1 entry comes from internal notes: they are not posted there' }).waitFor();
    expect(markedNotes()).toHaveLength(1);
    expect(markedNotes()[0]!.body).toBe(posted);
    await page.close();
  });

  it('writes incident timeline events on an incident, and explains why it cannot on a plain issue', async () => {
    const plain = await openTimeline();
    await expect.poll(() => timeline(plain).getByLabel('Also write GitLab incident timeline events').isDisabled()).toBe(true);
    expect(await timeline(plain).getByTestId('timeline-publish').textContent()).toContain('only on issues of type incident');
    await plain.close();

    const page = await openTimeline('issues/incident/3');
    await addEntry(page, '2025-03-04', '10:32', 'Every page returns 500', 'Impact detected');
    await timeline(page).getByLabel('Also write GitLab incident timeline events').check();
    await timeline(page).getByRole('button', { name: 'Post timeline' }).click();
    await timeline(page).getByTestId('publish-outcome').filter({ hasText: 'GitLab accepted 1 incident timeline event' }).waitFor();
    expect(session.sandbox.state.timelineEvents).toMatchObject([{ note: 'Every page returns 500', tags: ['Impact detected'], occurredAt: '2025-03-04T10:32:00Z' }]);
    await page.close();
  });

  it('incident events that stop part way are an alert; Try again sends only the ones GitLab lacks', async () => {
    const page = await openTimeline('issues/incident/3');
    await addEntry(page, '2025-03-04', '10:32', 'Every page returns 500', 'Impact detected');
    await addEntry(page, '2025-03-04', '10:40', 'Escalated to the Geo team');
    await addEntry(page, '2025-03-04', '11:05', 'Workaround confirmed');
    const section = timeline(page);
    await section.getByLabel('Also write GitLab incident timeline events').check();
    session.sandbox.fail({ method: 'POST', path: '/api/graphql', bodyIncludes: 'Escalated to the Geo team', status: 502, afterApply: true });
    await section.getByRole('button', { name: 'Post timeline' }).click();
    const alert = section.getByTestId('timeline-publish').getByRole('alert');
    await alert.filter({ hasText: 'writing incident timeline events stopped with 2 not sent' }).waitFor();
    expect(await section.getByTestId('published-state').textContent()).toContain('incident events missing');
    // A reload does not hide it: the draft remembers how many events were left unwritten.
    await page.reload();
    await expandTimeline(page);
    await alert.filter({ hasText: 'when it was last posted 2 incident timeline events were not written' }).waitFor();
    expect(await section.getByTestId('published-state').textContent()).toContain('incident events missing');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await section.getByTestId('publish-outcome').filter({ hasText: 'GitLab accepted 1 incident timeline event; 2 were already there' }).waitFor();
    expect(await alert.count()).toBe(0);
    expect(session.sandbox.state.timelineEvents.map((e) => e.note).sort()).toEqual(['Escalated to the Geo team', 'Every page returns 500', 'Workaround confirmed']);
    expect(markedNotes()).toHaveLength(1);
    await page.close();
  });

  it('keeps a pasted transcript that was not read yet, and the day picked for it, across a reload, and shows it open', async () => {
    const page = await openTimeline('issues/4');
    await timeline(page).locator('summary', { hasText: 'Paste transcript' }).click();
    await timeline(page).getByLabel(/^Chat transcript/).fill('10:32 Customer reports 500s\n10:40 Escalated to Geo');
    await timeline(page).getByLabel('Day of the first message').fill('2025-03-04');
    await timeline(page).getByTestId('draft-status').filter({ hasText: 'Draft saved' }).waitFor();
    await page.reload();
    // With no entry yet, the section and its paste box open by themselves: the text does not look lost.
    await retroPanel(page).locator('[data-testid="timeline-details"][open]').waitFor();
    await expect.poll(() => timeline(page).getByLabel(/^Chat transcript/).inputValue()).toBe('10:32 Customer reports 500s\n10:40 Escalated to Geo');
    expect(await timeline(page).getByLabel('Day of the first message').inputValue()).toBe('2025-03-04');
    await page.close();
  });

  it('reads a pasted Slack copy with "Yesterday" and "Today" dividers into entries, and lists the line it cannot place', async () => {
    const page = await openTimeline('issues/10');
    const [yesterday, today] = await page.evaluate(() => [-1, 0].map((days) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv')));
    const section = timeline(page);
    await section.locator('summary', { hasText: 'Paste transcript' }).click();
    const slackCopy = ['who paged infra?', 'Yesterday', 'Sam Support  11:50 PM', 'Customer reports 500s', 'Today', 'Lee Lead  12:10 AM', 'Back up after rollback'];
    await section.getByLabel(/^Chat transcript/).fill(slackCopy.join('\n'));
    await section.getByRole('button', { name: 'Read transcript' }).focus();
    await page.keyboard.press('Enter');
    await section.getByTestId('paste-outcome').filter({ hasText: 'Added 2 entries. 1 line needs a time' }).waitFor();
    // The emptied box disables the button: focus goes to the section's summary, not GitLab's page.
    await expect.poll(() => focusedInPanel(page)).toBe('summary: Paste transcript');
    expect(await section.getByTestId('paste-outcome').textContent()).toContain(`Slack's "Today" was read as ${today}`);
    const entries = await section.getByTestId('timeline-entry').allTextContents();
    expect(entries).toEqual([expect.stringContaining(`${yesterday} 23:50`), expect.stringContaining(`${today} 00:10`)]);
    expect(entries[0]).toContain('Customer reports 500s');
    expect(await section.getByTestId('unplaced-lines').textContent()).toContain('Line 1: who paged infra?');
    await page.close();
  });

  it('works from the keyboard alone: add an entry, then delete it, never losing focus to the page', async () => {
    const page = await openTimeline('issues/9');
    const section = timeline(page);
    type Target = ReturnType<typeof section.getByLabel>;
    const hasFocus = (target: Target) => target.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);
    // Chromium's Tab first steps through the parts of a date or time field, as it does for any user.
    const tabTo = async (target: Target) => {
      for (let presses = 0; presses < 5 && !(await hasFocus(target)); presses += 1) await page.keyboard.press('Tab');
      expect(await hasFocus(target)).toBe(true);
    };
    await section.getByRole('button', { name: 'Add entry' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(section.getByLabel('Date'))).toBe(true);
    await page.keyboard.type('03042025');
    await tabTo(section.getByLabel(/^Time/));
    await page.keyboard.type('1032A');
    await tabTo(section.getByLabel('What happened'));
    await page.keyboard.type('Customer reports 500s');
    await tabTo(section.getByLabel('Link (optional)'));
    await page.keyboard.press('Enter'); // submits the form
    const added = section.getByTestId('timeline-entry');
    await expect.poll(() => added.allTextContents()).toEqual([expect.stringMatching(/^2025-03-04 10:32 .*Customer reports 500s/)]);
    await expect.poll(() => hasFocus(section.getByRole('button', { name: 'Add entry' }))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await hasFocus(section.getByRole('button', { name: /^Delete entry at 2025-03-04 10:32/ }))).toBe(true);
    await page.keyboard.press('Enter');
    await section.getByTestId('timeline-empty').waitFor();
    await expect.poll(() => hasFocus(section.getByRole('button', { name: 'Add entry' }))).toBe(true);
    await page.close();
  });

  it('posting from a browser whose draft never posted the comment takes the comment\'s entries in, losing none', async () => {
    // Posted earlier from another browser by the same user (the sandbox token signs in as maria-manager).
    const posted = [MARKER, '### Emergency timeline', '', '| Time (UTC) | Time (UTC) | Event | Tag |', '|---|---|---|---|',
      '| 2025-03-04 07:59 | 2025-03-04 07:59 UTC | `@maria-manager`: Export fails for every user | |',
      '| 2025-03-04 08:00 | 2025-03-04 08:00 UTC | Alert fired | Start time |'].join('\n');
    // That browser had imported this comment: the entry taken in is not offered for import again.
    session.sandbox.state.notes.push({ id: 9899, issueId: issueId(PROJECT_IDS.emergencies, 8), body: 'Export fails for every user', authorId: USER_IDS.maria, system: false, internal: false, createdAt: '2025-03-04T07:59:30Z', updatedAt: '2025-03-04T07:59:30Z' });
    session.sandbox.state.notes.push({ id: 9900, issueId: issueId(PROJECT_IDS.emergencies, 8), body: posted, authorId: USER_IDS.maria, system: false, internal: false, createdAt: '2025-03-04T08:05:00Z', updatedAt: '2025-03-04T08:05:00Z' });
    const page = await openTimeline('issues/8');
    await addEntry(page, '2025-03-04', '09:30', 'Customer reports 500s');
    await timeline(page).getByRole('button', { name: 'Post timeline' }).click();
    await timeline(page).getByTestId('publish-outcome').filter({ hasText: 'already held 2 entries this timeline lacked' }).waitFor();
    expect(markedNotes().map((n) => n.id)).toEqual([9900]);
    expect(markedNotes()[0]!.body).toContain('| Alert fired | Start time |');
    expect(markedNotes()[0]!.body).toContain('| Customer reports 500s |');
    await expect.poll(() => timeline(page).getByTestId('timeline-entry').allTextContents()).toEqual([
      expect.stringContaining('Export fails for every user'), expect.stringContaining('Alert fired'), expect.stringContaining('Customer reports 500s'),
    ]);
    const section = timeline(page);
    await section.locator('summary', { hasText: 'Import from issue' }).click();
    await section.getByRole('button', { name: 'Import from issue' }).click();
    await section.getByTestId('import-candidates').or(section.getByTestId('import-empty')).waitFor();
    expect(await section.getByTestId('timeline-import').textContent()).not.toContain('Export fails for every user');
    await page.close();
  });

  it('two tabs on the same issue: the second save finds the clash and offers a choice instead of overwriting', async () => {
    const first = await openTimeline();
    const second = await openTimeline(); // loaded before the first tab saves anything
    await addEntry(first, '2025-03-04', '10:32', 'Entry from the first tab');
    await timeline(first).getByTestId('draft-status').filter({ hasText: 'Draft saved' }).waitFor();
    await addEntry(second, '2025-03-04', '11:00', 'Entry from the second tab');
    const conflict = timeline(second).getByTestId('draft-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Another tab saved a newer version of this draft (1 entry)');
    await conflict.getByRole('button', { name: 'Use the other version' }).click();
    await expect.poll(() => timeline(second).getByTestId('timeline-entries').textContent()).toContain('Entry from the first tab');
    expect(await timeline(second).getByTestId('timeline-entries').textContent()).not.toContain('Entry from the second tab');
    await first.close();
    await second.close();
  });

  it('two tabs on the same issue: "Keep both" keeps the entries of both, in the draft and after a reload', async () => {
    const first = await openTimeline('issues/10');
    const second = await openTimeline('issues/10');
    await addEntry(first, '2025-03-04', '10:32', 'Entry from the first tab');
    await timeline(first).getByTestId('draft-status').filter({ hasText: 'Draft saved' }).waitFor();
    await addEntry(second, '2025-03-04', '11:00', 'Entry from the second tab');
    await timeline(second).getByTestId('draft-conflict').getByRole('button', { name: 'Keep both' }).click();
    await timeline(second).getByTestId('draft-status').filter({ hasText: 'Draft saved' }).waitFor();
    await first.reload();
    await expandTimeline(first);
    await expect.poll(() => timeline(first).getByTestId('timeline-entry').allTextContents()).toEqual([
      expect.stringContaining('Entry from the first tab'), expect.stringContaining('Entry from the second tab'),
    ]);
    await first.close();
    await second.close();
  });
});
