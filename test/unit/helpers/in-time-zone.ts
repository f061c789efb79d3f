/**
 * Runs an ES module snippet in a fresh Node process with `TZ` set. A process reads `TZ`
 * once at start-up, so changing it inside the test runner is unreliable; a child is not.
 * The snippet runs from the repo root through tsx, so `@/` imports work; returns trimmed stdout.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export function runInTimeZone(timeZone: string, script: string): string {
  const stdout = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: repoRoot, env: { ...process.env, TZ: timeZone }, encoding: 'utf8', timeout: 20_000 },
  );
  return stdout.trim();
}
