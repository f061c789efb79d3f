/** One sandbox per test file, fresh state before each test, closed at the end. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';

/** The sandbox of this file; usable in tests (it is started in beforeAll). */
export function useSandbox(): Sandbox {
  // Filled once started: the started sandbox becomes its prototype, so `sb.url`, `sb.state`… read through.
  const handle = {} as Sandbox;
  beforeAll(async () => {
    Object.setPrototypeOf(handle, await startSandbox());
  });
  afterAll(() => handle.close());
  beforeEach(() => handle.reset());
  return handle;
}
