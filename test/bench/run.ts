/**
 * `npm run bench`: the speed and size budgets, measured on the production build in Chromium
 * against the sandbox GitLab. Prints a table, writes bench-output/results.json, and exits
 * non-zero when a budget is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { API_TOKEN, EMERGENCIES_PATH, GITLAB_PATH } from '../sandbox/seed';
import { launchBrowser } from '../browser/launch';
import { configureExtension } from '../browser/configure';
import { bundleSizes } from './sizes';
import { measurePopup, measureReview, type PopupNumbers, type ReviewNumbers } from './retro-pages';
import { importThousandNotes, pasteOneMegabyte, type ImportNumbers, type PasteNumbers } from './timeline';

const LOADS = 20;
/** GitLab's issue page runs megabytes of JavaScript; the sandbox pages carry a 1.5 MB stand-in. */
const APP_SCRIPT_KB = 1500;
const EMERGENCY = `https://gitlab.com/${EMERGENCIES_PATH}/-/issues/1`;
const OTHER = `https://gitlab.com/${GITLAB_PATH}/-/issues/7`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** ms from navigation start until the panel shows GitLab's data (its open shadow root is readable). */
async function timeToPanel(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.goto(EMERGENCY, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => document.querySelector('emergency-retro-panel')?.shadowRoot?.querySelector('[data-testid="status-assignees"]'),
    null,
    { polling: 'raf', timeout: 15_000 },
  );
  const ms = await page.evaluate(() => performance.now());
  await page.close();
  return ms;
}

async function loadTime(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const ms = await page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry ? entry.loadEventEnd - entry.startTime : NaN;
  });
  await page.close();
  return ms;
}

async function requestsPerView(sandbox: Sandbox, context: BrowserContext, url: string, settleMs: number): Promise<number> {
  sandbox.requests.length = 0;
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  await page.close();
  if (process.env.BENCH_DEBUG) console.log(url, sandbox.apiRequests().map((r) => `${r.method} ${r.path}`));
  return sandbox.apiRequests().length;
}

const sizes = bundleSizes();
const sandbox = await startSandbox({ appScriptKb: APP_SCRIPT_KB });
const withExtension = await launchBrowser({ sandboxPort: sandbox.port });
const without = await launchBrowser({ sandboxPort: sandbox.port, withExtension: false });
const results: Record<string, unknown> = { sizes };
try {
  await configureExtension(withExtension.context, withExtension.extensionId!, { token: API_TOKEN, roster: 'sam-support: maria-manager' });
  await timeToPanel(withExtension.context); // warm the worker and caches once
  const panelTimes: number[] = [];
  for (let i = 0; i < LOADS; i += 1) panelTimes.push(await timeToPanel(withExtension.context));
  results.panelMedianMs = median(panelTimes);
  const loads = new Map([OTHER, EMERGENCY].map((url) => [url, { with: [] as number[], without: [] as number[] }]));
  for (let i = 0; i < LOADS; i += 1) {
    // Interleaved, and each side goes first every other round, so that machine noise falls on both alike.
    for (const [url, times] of loads) {
      const sides = [() => loadTime(without.context, url).then((ms) => times.without.push(ms)), () => loadTime(withExtension.context, url).then((ms) => times.with.push(ms))];
      if (i % 2) sides.reverse();
      for (const side of sides) await side();
    }
  }
  results.loadMedianMs = Object.fromEntries([...loads].map(([url, times]) => [url, { with: Math.round(median(times.with)), without: Math.round(median(times.without)) }]));
  const every = [...loads.values()];
  const pooled = { with: median(every.flatMap((times) => times.with)), without: median(every.flatMap((times) => times.without)) };
  results.loadPooledMs = { with: Math.round(pooled.with), without: Math.round(pooled.without) };
  results.loadRatio = pooled.with / pooled.without;
  results.requestsEmergencyView = await requestsPerView(sandbox, withExtension.context, EMERGENCY, 1500);
  results.requestsOtherPage = await requestsPerView(sandbox, withExtension.context, OTHER, 1500);
  Object.assign(results, await measurePopup(sandbox, withExtension.context, withExtension.extensionId!, LOADS));
  results.timelineImport = await importThousandNotes(sandbox, withExtension.context);
  results.transcriptPaste = await pasteOneMegabyte(withExtension.context, withExtension.worker!);
} finally {
  await withExtension.close();
  await without.close();
  await sandbox.close();
}

Object.assign(results, await measureReview(1000, 5));
const popupNumbers = results as unknown as PopupNumbers;
const reviewNumbers = results as unknown as ReviewNumbers;

const timelineImport = results.timelineImport as ImportNumbers;
const paste = results.transcriptPaste as PasteNumbers;
const watcher = sizes[0]!;
const panel = sizes[1]!;
const checks: [string, string, boolean][] = [
  ['code on every gitlab.com page ≤ 15 kB minified', kB(watcher.minified), watcher.minified <= 15 * 1024],
  ['panel bundle ≤ 60 kB minified', kB(panel.minified), panel.minified <= 60 * 1024],
  ['page-load ratio with/without extension ≤ 1.05', (results.loadRatio as number).toFixed(3), (results.loadRatio as number) <= 1.05],
  ['GitLab requests per emergency issue view ≤ 2', String(results.requestsEmergencyView), (results.requestsEmergencyView as number) <= 2],
  ['GitLab requests per other page = 0', String(results.requestsOtherPage), results.requestsOtherPage === 0],
  ['popup first render from cache ≤ 300 ms', `${popupNumbers.popupFromCacheMedianMs.toFixed(0)} ms`, popupNumbers.popupFromCacheMedianMs <= 300],
  ['GitLab requests per popup open ≤ 2 (one per label)', String(popupNumbers.popupRequestsPerOpen), popupNumbers.popupRequestsPerOpen <= 2],
  ['review page, 1,000 retros: requests ≤ 40', String(reviewNumbers.reviewRequests), reviewNumbers.reviewRequests <= 40],
  ['review page, 1,000 retros: first rows after fetching ≤ 5,000 ms', `${reviewNumbers.reviewFirstLoadMs.toFixed(0)} ms`, reviewNumbers.reviewFirstLoadMs <= 5000],
  ['review page, 1,000 retros: first rows from cache ≤ 1,000 ms', `${reviewNumbers.reviewCachedMedianMs.toFixed(0)} ms`, reviewNumbers.reviewCachedMedianMs <= 1000],
  ['review page: longest main-thread task ≤ 200 ms', `${reviewNumbers.reviewLongestTaskMs.toFixed(0)} ms`, reviewNumbers.reviewLongestTaskMs <= 200],
  // The target as set: at most 10 requests in all. 1,000 notes take 10 pages at GitLab's maximum of
  // 100, and label events (not notes: their own endpoint) take one more, so this is missed by one
  // until the target or the import's sources change; both parts are printed so a regression shows.
  ['import an issue with 1,000 notes: GitLab requests ≤ 10', `${timelineImport.requests} (note pages: ${timelineImport.notePages}, label events: ${timelineImport.labelEventPages}, other: ${timelineImport.requests - timelineImport.notePages - timelineImport.labelEventPages})`, timelineImport.requests <= 10],
  // Only a paste the timeline took in counts: the page then renders every one of its entries.
  ['1 MB paste added to the timeline: longest main-thread task ≤ 200 ms (the page stays responsive)', `${paste.longestTaskMs.toFixed(0)} ms (answer after ${paste.doneMs.toFixed(0)} ms)`, paste.outcome.startsWith('Added') && paste.longestTaskMs <= 200],
  ['parse a terse 1 MB transcript (~15,000 messages) in the extension\'s worker < 50 ms (median of 5 after a first read)', `${paste.parseMedianMs.toFixed(1)} ms (first read ${paste.parseColdMs.toFixed(1)} ms)`, paste.parseMedianMs < 50],
];

console.log('\nBundles (minified / gzip):');
for (const size of sizes) console.log(`  ${size.name.padEnd(34)} ${kB(size.minified).padStart(9)} / ${kB(size.gzip).padStart(8)}`);
console.log(`\nPage loads measured on sandbox pages carrying ${APP_SCRIPT_KB} kB of GitLab-like script: ${JSON.stringify(results.loadMedianMs)}`);
console.log(`  the ratio is the median of every load with the extension over the median of every load without: ${(results.loadPooledMs as { with: number; without: number }).with} ms / ${(results.loadPooledMs as { with: number; without: number }).without} ms`);
console.log(`Median navigation → panel showing GitLab data: ${(results.panelMedianMs as number).toFixed(0)} ms (${LOADS} loads)`);
console.log(`Timeline import of 1,000 notes: ${timelineImport.requests} GitLab requests, ${timelineImport.candidates} candidates on screen ${timelineImport.renderMs.toFixed(0)} ms after the click`);
console.log(`Transcript: ${(paste.bytes / 1024).toFixed(0)} kB; the panel said: "${paste.outcome}"`);
console.log('\nBudgets:');
for (const [name, value, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
const output = resolve(import.meta.dirname, '../../bench-output');
mkdirSync(output, { recursive: true });
writeFileSync(resolve(output, 'results.json'), `${JSON.stringify({ ...results, checks }, null, 2)}\n`);
process.exitCode = checks.every(([, , ok]) => ok) ? 0 : 1;
