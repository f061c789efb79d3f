/** Bench measurements for the popup and the review page (issue 5), on the production build. */
import type { BrowserContext } from 'playwright-core';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { API_TOKEN } from '../sandbox/seed';
import { launchBrowser } from '../browser/launch';
import { configureExtension } from '../browser/configure';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** ms from navigation start until the popup shows the cached rows. */
async function popupFromCache(context: BrowserContext, extensionId: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid="retro-row"]', { timeout: 10_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => document.querySelector('[data-testid="popup-status"]')?.textContent?.startsWith('Updated'));
  await page.close();
  return ms;
}

/** API requests one popup open sends, until it shows GitLab's fresh answer. */
async function popupRequests(sandbox: Sandbox, context: BrowserContext, extensionId: string): Promise<number> {
  sandbox.requests.length = 0;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForFunction(() => document.querySelector('[data-testid="popup-status"]')?.textContent?.startsWith('Updated'));
  await page.waitForTimeout(300);
  await page.close();
  return sandbox.apiRequests().length;
}

export interface PopupNumbers {
  popupFromCacheMedianMs: number;
  popupRequestsPerOpen: number;
}

export async function measurePopup(sandbox: Sandbox, context: BrowserContext, extensionId: string, loads: number): Promise<PopupNumbers> {
  await popupRequests(sandbox, context, extensionId); // fills the cache and the label-event dates
  const times: number[] = [];
  for (let i = 0; i < loads; i += 1) times.push(await popupFromCache(context, extensionId));
  return { popupFromCacheMedianMs: median(times), popupRequestsPerOpen: await popupRequests(sandbox, context, extensionId) };
}

interface ReviewLoad {
  ms: number;
  rows: number;
  longestTaskMs: number;
}

/** ms from navigation start until the first rows show, and the longest main-thread task meanwhile. */
async function reviewLoad(context: BrowserContext, extensionId: string): Promise<ReviewLoad> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`chrome-extension://${extensionId}/review.html`, { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid="review-row"]', { timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.click('[data-testid="more-rows"]');
  await page.waitForTimeout(200);
  const result = await page.evaluate(() => ({ rows: document.querySelectorAll('[data-testid="review-row"]').length, longestTaskMs: (window as unknown as { longest: number }).longest }));
  await page.close();
  return { ms, ...result };
}

export interface ReviewNumbers {
  retros: number;
  reviewRequests: number;
  reviewFirstLoadMs: number;
  reviewCachedMedianMs: number;
  reviewLongestTaskMs: number;
}

/** Waits until the sandbox has had no request for a second: what the extension started on its own is done. */
async function quiet(sandbox: Sandbox): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const last = sandbox.requests.at(-1)?.time ?? 0;
    if (Date.now() - last > 1000) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A separate sandbox seeded with `retros` retros; the first load fetches, the next ones read the cache. */
export async function measureReview(retros: number, loads: number): Promise<ReviewNumbers> {
  const sandbox = await startSandbox({ largeRetros: retros });
  const browser = await launchBrowser({ sandboxPort: sandbox.port });
  try {
    await configureExtension(browser.context, browser.extensionId!, { token: API_TOKEN });
    // Saving the settings starts the badge's refresh of "my retros": count only the review's own requests.
    await quiet(sandbox);
    sandbox.requests.length = 0;
    const first = await reviewLoad(browser.context, browser.extensionId!);
    const reviewRequests = sandbox.apiRequests().length;
    const cached: ReviewLoad[] = [];
    for (let i = 0; i < loads; i += 1) cached.push(await reviewLoad(browser.context, browser.extensionId!));
    return {
      retros,
      reviewRequests,
      reviewFirstLoadMs: first.ms,
      reviewCachedMedianMs: median(cached.map((load) => load.ms)),
      reviewLongestTaskMs: Math.max(first.longestTaskMs, ...cached.map((load) => load.longestTaskMs)),
    };
  } finally {
    await browser.close();
    await sandbox.close();
  }
}
