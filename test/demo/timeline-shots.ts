/**
 * Screenshots of the Timeline section in light and dark themes (demo-output/timeline-*.png):
 * imports the seeded issue's discussion, adds a tagged entry and a transcript, then posts.
 * Run after a build: `npx tsx test/demo/timeline-shots.ts`.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { API_TOKEN, EMERGENCIES_PATH } from '../sandbox/seed';
import { launchBrowser } from '../browser/launch';
import type { Locator } from 'playwright-core';
import { format } from 'date-fns';
import { configureExtension, retroPanel } from '../browser/configure';
import { hideScrollbars, showTheme } from './page-look';

const OUTPUT = resolve(import.meta.dirname, '../../demo-output');
// A reader east of UTC, so the pictures show local times with UTC beside them. The transcript below
// is written in that zone too (Node formats dates in TZ), or its times would be off by the offset.
const ZONE = 'Europe/Berlin';
process.env.TZ = ZONE;
const ISSUE = `https://gitlab.com/${EMERGENCIES_PATH}/-/issues/1`;
// The seeded emergency began 19 days ago at this time of day (test/sandbox/seed-notes.ts): the chat
// follows its discussion, under a Slack day divider, in the local zone Chromium shows too.
const begun = Date.now() - 19 * 86_400_000;
const said = (minutes: number) => format(begun + minutes * 60_000, 'h:mm a');
const TRANSCRIPT = [
  'notes from the bridge',
  format(begun + 95 * 60_000, 'EEEE, MMMM do'),
  `Sam Support  ${said(95)}`,
  'Customer confirmed the workaround 🎉',
  `Lee Lead  ${said(101)}`,
  'Filing a follow-up for the Geo docs',
].join('\n');

mkdirSync(OUTPUT, { recursive: true });

/** The panel sits in GitLab's narrow sidebar: one tall picture, plus 700 px slices that are easy to look at. */
async function shoot(panel: Locator, name: string): Promise<void> {
  // Slices of an earlier, taller picture would stay beside the new ones.
  for (const file of readdirSync(OUTPUT)) if (file.startsWith(`${name}-part`)) rmSync(resolve(OUTPUT, file));
  const saved = [`${name}.png`];
  await panel.screenshot({ path: resolve(OUTPUT, saved[0]!) });
  const box = (await panel.boundingBox())!;
  const scrollY = await panel.page().evaluate(() => window.scrollY);
  // Slices overlap by 80 px, so a line cut at the foot of one is whole at the top of the next.
  for (let top = 0, part = 1; top === 0 || top + 80 < box.height; top += 620, part += 1) {
    const clip = { x: box.x, y: box.y + scrollY + top, width: box.width, height: Math.min(700, box.height - top) };
    saved.push(`${name}-part${part}.png`);
    await panel.page().screenshot({ path: resolve(OUTPUT, saved.at(-1)!), fullPage: true, clip });
  }
  console.log(`  saved ${OUTPUT}/${saved.join(', ')}`);
}
const sandbox = await startSandbox();
const browser = await launchBrowser({ sandboxPort: sandbox.port, timezoneId: ZONE });
try {
  await configureExtension(browser.context, browser.extensionId!, { token: API_TOKEN, roster: 'sam-support: maria-manager' });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 2200 });
  await page.goto(ISSUE);
  await hideScrollbars(page);
  // The Timeline section loads when opened.
  await retroPanel(page).locator('[data-testid="timeline-details"][data-ready="yes"] summary').click();
  const section = retroPanel(page).getByRole('region', { name: 'Timeline' });
  await section.locator('summary', { hasText: 'Import from issue' }).click();
  await section.getByRole('button', { name: 'Import from issue' }).click();
  await section.getByRole('button', { name: 'Select all' }).click();
  await section.getByRole('button', { name: /^Add \d+ selected$/ }).click();
  // Tags as a retro lead would give them, so the pictures show the timeline's story.
  for (const [text, tag] of [['assigned to', 'Response initiated'], ['Workaround provided', 'Workaround provided'], ['Customer confirmed replication', 'Customer confirmed']] as const) {
    await section.getByTestId('timeline-entry').filter({ hasText: text }).getByRole('button', { name: /^Edit entry at/ }).click();
    await section.getByLabel('Tag (optional)').selectOption(tag);
    await section.getByRole('button', { name: 'Save entry' }).click();
  }
  await section.locator('summary', { hasText: 'Paste transcript' }).click();
  await section.getByLabel(/^Chat transcript/).fill(TRANSCRIPT);
  await section.getByRole('button', { name: 'Read transcript' }).click();
  await section.getByTestId('unplaced-lines').waitFor();
  await section.getByRole('button', { name: 'Post timeline' }).click();
  await section.getByTestId('publish-outcome').filter({ hasText: 'Posted' }).waitFor();
  for (const theme of ['light', 'dark'] as const) {
    await showTheme(page, theme);
    await shoot(retroPanel(page), `timeline-${theme}`);
  }
  // The entry form, open on a new entry.
  await section.getByRole('button', { name: 'Add entry' }).click();
  await shoot(retroPanel(page), 'timeline-form-dark');
} finally {
  await browser.close();
  await sandbox.close();
}
