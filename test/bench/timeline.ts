/**
 * The Timeline's numbers: importing an issue with 1,000 notes (GitLab requests, time until the
 * candidates are on screen) and parsing a 1 MB transcript (in Node: the parser is plain code).
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Sandbox } from '../sandbox/server';
import { addManyNotes } from '../sandbox/seed-notes';
import { EMERGENCIES_PATH, issueId, PROJECT_IDS } from '../sandbox/seed';
import { parseTranscript } from '../../lib/retro/transcript/parse-transcript';
import { sampleTranscript } from './transcript-sample';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The Timeline section loads when opened. */
async function openTimelineSection(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('emergency-retro-panel')?.shadowRoot?.querySelector('[data-testid="timeline-details"][data-ready="yes"]'), null, { timeout: 15_000 });
  await page.evaluate(`document.querySelector('emergency-retro-panel').shadowRoot.querySelector('[data-testid="timeline-details"]').open = true`);
}

/**
 * A 1 MB chat paste in the real panel: from the click on "Read transcript" until the panel says
 * what it read, and the longest main-thread task meanwhile (parsing runs in the background worker).
 */
export async function pasteOneMegabyte(context: BrowserContext): Promise<{ doneMs: number; longestTaskMs: number; outcome: string }> {
  const page = await context.newPage();
  await page.goto(`https://gitlab.com/${EMERGENCIES_PATH}/-/issues/5`);
  await openTimelineSection(page);
  await page.waitForFunction(() => document.querySelector('emergency-retro-panel')?.shadowRoot?.querySelector('[data-testid="timeline-paste"] textarea'), null, { timeout: 15_000 });
  const text = sampleTranscript(1024 * 1024);
  await page.evaluate((value) => {
    (window as unknown as { benchTranscript: string }).benchTranscript = value;
  }, text);
  const result = (await page.evaluate(`(async () => {
    const text = window.benchTranscript;
    const root = document.querySelector('emergency-retro-panel').shadowRoot;
    const paste = root.querySelector('[data-testid="timeline-paste"]');
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: 'longtask' });
    const area = paste.querySelector('textarea');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const start = performance.now();
    [...paste.querySelectorAll('button')].find((b) => b.textContent === 'Read transcript').click();
    const outcome = () => paste.querySelector('[data-testid="paste-outcome"]').textContent;
    await new Promise((resolve) => {
      const check = () => (outcome() && !outcome().startsWith('Reading') ? resolve() : requestAnimationFrame(check));
      check();
    });
    const doneMs = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    return { doneMs, longestTaskMs: Math.max(0, ...tasks), outcome: outcome() };
  })()`)) as unknown;
  await page.close();
  return result as { doneMs: number; longestTaskMs: number; outcome: string };
}

/** Issue 4 has no notes of its own: it gets exactly 1,000. */
export async function importThousandNotes(sandbox: Sandbox, context: BrowserContext): Promise<{ requests: number; renderMs: number; candidates: number }> {
  addManyNotes(sandbox.state, issueId(PROJECT_IDS.emergencies, 4), 1000, new Date('2025-03-04T00:00:00Z'));
  const page = await context.newPage();
  await page.goto(`https://gitlab.com/${EMERGENCIES_PATH}/-/issues/4`);
  await openTimelineSection(page);
  await page.waitForFunction(() => document.querySelector('emergency-retro-panel')?.shadowRoot?.querySelector('[data-testid="timeline-import"] button'), null, { timeout: 15_000 });
  sandbox.requests.length = 0;
  // Clicked and timed inside the page: from the click until the last candidate is in the DOM.
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const { renderMs, candidates } = (await page.evaluate(`(async () => {
    const root = document.querySelector('emergency-retro-panel').shadowRoot;
    const button = [...root.querySelectorAll('[data-testid="timeline-import"] button')].find((b) => b.textContent === 'Import from issue');
    const start = performance.now();
    button.click();
    const rendered = () => root.querySelectorAll('[data-testid="import-candidates"] input').length;
    await new Promise((resolve) => {
      const check = () => (rendered() >= 1000 ? resolve() : requestAnimationFrame(check));
      check();
    });
    return { renderMs: performance.now() - start, candidates: rendered() };
  })()`)) as { renderMs: number; candidates: number };
  await page.close();
  if (process.env.BENCH_DEBUG) console.log(sandbox.apiRequests().map((r) => `${r.method} ${r.path}`));
  return { requests: sandbox.apiRequests().length, renderMs, candidates };
}

/** First (cold) run and the median of ten more, on CPU time so a busy machine does not inflate it. */
export function parseOneMegabyte(): { bytes: number; messages: number; coldMs: number; medianMs: number } {
  const text = sampleTranscript(1024 * 1024);
  const run = () => {
    const before = process.cpuUsage();
    const result = parseTranscript(text, { date: '2025-03-04', zone: 'Europe/Berlin', today: '2025-03-20' });
    const used = process.cpuUsage(before);
    return { ms: (used.user + used.system) / 1000, messages: result.messages.length };
  };
  const cold = run();
  const warm = Array.from({ length: 10 }, run).map((r) => r.ms);
  return { bytes: text.length, messages: cold.messages, coldMs: cold.ms, medianMs: median(warm) };
}
