/**
 * CLI: `npx tsx test/sandbox/main.ts [--port N] [--host H]`. Starts the sandbox GitLab for manual
 * runs and the demo, prints how to point Chromium at it, and stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { EMERGENCIES_PATH, GITLAB_PATH, TOKENS } from './seed.ts';
import { startSandbox } from './server.ts';

const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } });
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}

const sandbox = await startSandbox({ port, host: values.host });
const lines = [
  `Sandbox GitLab listening on ${sandbox.url}`,
  '',
  'Chromium flags:',
  `  --host-resolver-rules="MAP gitlab.com:443 127.0.0.1:${sandbox.port}" --ignore-certificate-errors`,
  '',
  'Tokens (api signs in as @maria-manager; the others show each token problem):',
  ...Object.entries(TOKENS).map(([kind, token]) => `  ${kind.padEnd(9)} ${token}`),
  '',
  'Manager roster that fits the seeded issues:  sam-support: maria-manager',
  '',
  'Pages (as https://gitlab.com/...):',
  `  /${EMERGENCIES_PATH}/-/issues          issue list`,
  `  /${EMERGENCIES_PATH}/-/issues/1        classic issue`,
  `  /${EMERGENCIES_PATH}/-/work_items/2    work-item view`,
  `  /${EMERGENCIES_PATH}/-/issues/incident/3  incident`,
  `  /${GITLAB_PATH}/-/issues/7             another project (GitLab Free: one assignee)`,
  '',
  `Control: GET|DELETE ${sandbox.url}/__sandbox/requests, POST /__sandbox/fail, POST /__sandbox/reset, GET /__sandbox/state`,
];
console.log(lines.join('\n'));

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping sandbox`);
  sandbox.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
