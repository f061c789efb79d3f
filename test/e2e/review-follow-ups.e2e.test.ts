import { describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { openOptions, retroPanel } from '../browser/configure';
import { EMERGENCIES_PATH, GITLAB_PATH } from '../sandbox/seed';
import { openReview } from './extension-pages';
import { issueUrl, useSession } from './session';

const session = useSession();

describe('review page: follow-ups the panel created, with the default follow-up labels', () => {
  it('counts knowledge-base and handbook follow-ups as such, not as "Other"', async () => {
    // The sandbox has no knowledge-base or handbook project: both go to gitlab-org/gitlab; their extra labels stay empty (the default).
    const options = await openOptions(session.browser.context, session.browser.extensionId!);
    await options.getByLabel('New knowledge-base article: project').fill(GITLAB_PATH);
    await options.getByLabel('Handbook or process update: project').fill(GITLAB_PATH);
    expect(await options.getByLabel('New knowledge-base article: extra label').inputValue()).toBe('');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByTestId('save-status').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();

    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    const panel = retroPanel(page);
    await panel.getByTestId('findings').waitFor();
    const findings: [string, string][] = [['Zebrafish quokka walkthrough for stalled replicas', 'New knowledge-base article'], ['Narwhal escalation rota wording for weekends', 'Handbook or process update']];
    for (const [i, [text, followUp]] of findings.entries()) {
      await panel.getByRole('button', { name: 'Add to “Suggestions”' }).click();
      await panel.getByLabel(/^Suggestions \d+$/).last().fill(text);
      await panel.getByLabel(/^Follow-up for Suggestions \d+$/).last().selectOption({ label: followUp });
      await panel.getByRole('button', { name: `Create: ${followUp.toLowerCase()}` }).click();
      await expect.poll(() => panel.getByTestId('follow-up-link').count()).toBe(i + 1);
    }
    await page.close();

    const review = await openReview(session.browser.context, session.browser.extensionId!);
    const chart = review.getByTestId('stacked-chart');
    await review.getByRole('button', { name: 'Refresh' }).click();
    const month = format(new Date(), 'yyyy-MM');
    await expect.poll(() => chart.getAttribute('aria-label'), { timeout: 30_000 }).toMatch(new RegExp(`${month}: \\d+ Bug, \\d+ Feature proposal, 1 Docs / KB, 1 Handbook / process, 0 Other`));
    await review.close();
  });
});
