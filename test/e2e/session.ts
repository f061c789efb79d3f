/** One sandbox GitLab and one Chromium with the extension, shared by the tests of a file. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/server';
import { API_TOKEN } from '../sandbox/seed';
import { launchBrowser, type LaunchedBrowser } from '../browser/launch';
import { configureExtension } from '../browser/configure';

export const ROSTER = 'sam-support: maria-manager\n';

export interface Session {
  sandbox: Sandbox;
  browser: LaunchedBrowser;
}

/** `configured: false` leaves the extension without a token, as just installed. */
export function useSession({ configured = true, sandbox = {} as SandboxOptions } = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.sandbox = await startSandbox(sandbox);
    session.browser = await launchBrowser({ sandboxPort: session.sandbox.port });
    if (configured) {
      await configureExtension(session.browser.context, session.browser.extensionId!, { token: API_TOKEN, roster: ROSTER });
    }
  });
  beforeEach(() => {
    session.sandbox.reset();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.sandbox?.close();
  });
  return session;
}

export const issueUrl = (project: string, path: string) => `https://gitlab.com/${project}/-/${path}`;
