/**
 * Real Chromium (Debian's package) with the production build loaded, reaching the sandbox as
 * https://gitlab.com through a host-resolver rule: the very build users install is what runs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium, or a failure that says how to install it: never a silent skip. */
export function findChromium(): string {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen && !existsSync(chosen)) throw new Error(`CHROMIUM_PATH is set to ${chosen}, which does not exist.`);
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (found) return found;
  throw new Error('Chromium is missing. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).');
}

export function requireBuild(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No production build at ${EXTENSION_DIR}. Run: npm run build`);
  }
}

export interface LaunchOptions {
  sandboxPort: number;
  headless?: boolean;
  /** Load the extension (false measures GitLab pages without it). */
  withExtension?: boolean;
  /** The browser's time zone (IANA); the machine's when left out. */
  timezoneId?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string | null;
  worker: Worker | null;
  close(): Promise<void>;
}

export async function launchBrowser({ sandboxPort, headless = true, withExtension = true, timezoneId }: LaunchOptions): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  if (withExtension) requireBuild();
  const userDataDir = mkdtempSync(join(tmpdir(), 'emergency-retro-chromium-'));
  const args = [
    `--host-resolver-rules=MAP gitlab.com:443 127.0.0.1:${sandboxPort}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(headless ? ['--headless=new'] : []),
    ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: false, // headless mode comes from --headless=new above: the only one that runs extensions
    args,
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    viewport: { width: 1280, height: 900 },
    ...(timezoneId ? { timezoneId } : {}),
  }).catch((error: unknown) => {
    // A browser that never started leaves no profile behind either.
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  });
  let worker: Worker | null = null;
  let extensionId: string | null = null;
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
