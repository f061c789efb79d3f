/**
 * The Timeline's numbers: importing an issue with 1,000 notes (GitLab requests, time until the
 * candidates are on screen) and parsing a 1 MB transcript (in Node: the parser is plain code).
 */
import type { BrowserContext } from 'playwright-core';
import type { Sandbox } from '../sandbox/server';
import { addManyNotes } from '../sandbox/seed-notes';
import { EMERGENCIES_PATH, issueId, PROJECT_IDS } from '../sandbox/seed';
import { parseTranscript } from '../../lib/retro/transcript/parse-transcript';
import { sampleTranscript } from './transcript-sample';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Issue 4 has no notes of its own: it gets exactly 1,000. */
export async function importThousandNotes(sandbox: Sandbox, context: BrowserContext): Promise<{ requests: number; renderMs: number; candidates: number }> {
  addManyNotes(sandbox.state, issueId(PROJECT_IDS.emergencies, 4), 1000, new Date('2025-03-04T00:00:00Z'));
  const page = await context.newPage();
  await page.goto(`https://gitlab.com/${EMERGENCIES_PATH}/-/issues/4`);
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
    const result = parseTranscript(text, { date: '2025-03-04', zone: 'Europe/Berlin' });
    const used = process.cpuUsage(before);
    return { ms: (used.user + used.system) / 1000, messages: result.messages.length };
  };
  const cold = run();
  const warm = Array.from({ length: 10 }, run).map((r) => r.ms);
  return { bytes: text.length, messages: cold.messages, coldMs: cold.ms, medianMs: median(warm) };
}
