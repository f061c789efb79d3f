/**
 * The Timeline's numbers: importing an issue with 1,000 notes (GitLab requests, time until the
 * candidates are on screen) and pasting a 1 MB transcript into the real panel (page responsiveness,
 * and the parse time the extension's worker records).
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Sandbox } from '../sandbox/server';
import { addManyNotes } from '../sandbox/seed-notes';
import { EMERGENCIES_PATH, issueId, PROJECT_IDS } from '../sandbox/seed';
import { PARSE_MEASURE } from '../../lib/retro/transcript/parse-transcript';
import { sampleTranscript } from './transcript-sample';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The Timeline section loads when opened. */
async function openTimelineSection(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('emergency-retro-panel')?.shadowRoot?.querySelector('[data-testid="timeline-details"][data-ready="yes"]'), null, { timeout: 15_000 });
  await page.evaluate(`document.querySelector('emergency-retro-panel').shadowRoot.querySelector('[data-testid="timeline-details"]').open = true`);
}

/** Clicks "Read transcript" and waits for the answer; the page's longest task meanwhile. */
const READ_TRANSCRIPT = `(async () => {
  const paste = document.querySelector('emergency-retro-panel').shadowRoot.querySelector('[data-testid="timeline-paste"]');
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  const area = paste.querySelector('textarea');
  if (area.value !== window.benchTranscript) {
    area.value = window.benchTranscript;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const box = paste.querySelector('[data-testid="paste-outcome"]');
  const outcome = () => box.textContent;
  // Every read shows "Reading…" first; a MutationObserver sees it however briefly it is there.
  let reading = false;
  const answered = new Promise((resolve) => {
    new MutationObserver((_, observer) => {
      if (outcome().startsWith('Reading')) reading = true;
      else if (reading && outcome()) {
        observer.disconnect();
        resolve();
      }
    }).observe(box, { childList: true, characterData: true, subtree: true });
  });
  const start = performance.now();
  [...paste.querySelectorAll('button')].find((b) => b.textContent === 'Read transcript').click();
  await answered;
  const doneMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { doneMs, longestTaskMs: Math.max(0, ...tasks), outcome: outcome() };
})()`;

export interface PasteNumbers {
  bytes: number;
  doneMs: number;
  longestTaskMs: number;
  outcome: string;
  /** Parse time in the extension's worker: the first read, then the median of the next five. */
  parseColdMs: number;
  parseMedianMs: number;
}

/**
 * A 1 MB chat paste in the real panel, read six times: from the click on "Read transcript" until
 * the panel says what it read, the longest main-thread task meanwhile, and the parse time the
 * worker records (its User Timing entry). The first read adds ~4,000 messages to the timeline (so
 * the page renders them). The next five read a terse megabyte of ~15,000 messages, the most
 * parsing work: the timeline has no room for them, so the worker parses it all and the panel
 * refuses it, keeping the text in the box.
 */
export async function pasteOneMegabyte(context: BrowserContext, worker: Worker): Promise<PasteNumbers> {
  const page = await context.newPage();
  await page.goto(`https://gitlab.com/${EMERGENCIES_PATH}/-/issues/5`);
  await openTimelineSection(page);
  await page.waitForFunction(() => document.querySelector('emergency-retro-panel')?.shadowRoot?.querySelector('[data-testid="timeline-paste"] textarea'), null, { timeout: 15_000 });
  const text = sampleTranscript(1024 * 1024);
  const setTranscript = (value: string) => page.evaluate((v) => {
    (window as unknown as { benchTranscript: string }).benchTranscript = v;
  }, value);
  await setTranscript(text);
  const parseMs = () => worker.evaluate((name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? NaN, PARSE_MEASURE);
  const reads: { doneMs: number; longestTaskMs: number; outcome: string; parseMs: number }[] = [];
  for (let i = 0; i < 7; i += 1) {
    if (i === 1) await setTranscript(sampleTranscript(1024 * 1024, { terse: true }));
    const read = (await page.evaluate(READ_TRANSCRIPT)) as { doneMs: number; longestTaskMs: number; outcome: string };
    reads.push({ ...read, parseMs: await parseMs() });
  }
  await page.close();
  const [added, terseFirst, ...terse] = reads as [typeof reads[0], typeof reads[0], ...typeof reads];
  return {
    bytes: text.length,
    doneMs: added.doneMs,
    longestTaskMs: Math.max(...reads.map((r) => r.longestTaskMs)),
    outcome: added.outcome,
    parseColdMs: terseFirst.parseMs,
    parseMedianMs: median(terse.map((r) => r.parseMs)),
  };
}

export interface ImportNumbers {
  requests: number;
  notePages: number;
  labelEventPages: number;
  renderMs: number;
  candidates: number;
}

/** Issue 4 has no notes of its own: it gets exactly 1,000. */
export async function importThousandNotes(sandbox: Sandbox, context: BrowserContext): Promise<ImportNumbers> {
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
  // The import's requests are about this issue: the worker's own timers (the toolbar badge) may ask
  // GitLab for other things meanwhile, and those are not the import's.
  const issuePath = `/api/v4/projects/${encodeURIComponent(EMERGENCIES_PATH)}/issues/4`;
  const paths = sandbox.apiRequests().map((r) => r.path.split('?')[0]!).filter((path) => path === issuePath || path.startsWith(`${issuePath}/`));
  return {
    requests: paths.length,
    notePages: paths.filter((path) => path.endsWith('/notes')).length,
    labelEventPages: paths.filter((path) => path.endsWith('/resource_label_events')).length,
    renderMs,
    candidates,
  };
}
