/**
 * The sandbox GitLab: an HTTPS server that plays gitlab.com for end-to-end tests and the demo.
 * Chromium reaches it as https://gitlab.com via --host-resolver-rules and --ignore-certificate-errors.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api.ts';
import { handleControl } from './control.ts';
import { APP_SCRIPT_PATH, appScript } from './app-weight.ts';
import { FaultQueue, faultAction, sleep, type FaultAction } from './faults.ts';
import { json } from './http.ts';
import { handlePage } from './pages.ts';
import { seed } from './seed.ts';
import { addLargeRetros } from './seed-large.ts';
import { sandboxCertificate } from './tls.ts';
import type { FaultRule, Incoming, RecordedRequest, Reply, SandboxState } from './types.ts';

export type { FaultRule, RecordedRequest, SandboxState } from './types.ts';

export interface SandboxOptions {
  /** 0 or omitted: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Pages also load a generated script of this many kB, like GitLab's bundles (app-weight.ts). */
  appScriptKb?: number;
  /** Adds this many generated retros (and follow-ups) to the seed, for the review page and the bench. */
  largeRetros?: number;
}

export interface Sandbox {
  /** `https://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every request except `/__sandbox/*` and `/favicon.ico`, oldest first. */
  requests: RecordedRequest[];
  /** Only the `/api/` ones. */
  apiRequests(): RecordedRequest[];
  fail(rule: FaultRule): void;
  /** Fresh seed (in place, so `state` stays the same object), no requests, no faults. */
  reset(): void;
  /** The live state the routes read and write. */
  state: SandboxState;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

function send(res: ServerResponse, reply: Reply, method: string, record?: RecordedRequest): void {
  if (record) record.status = reply.status;
  res.writeHead(reply.status, reply.headers ?? {});
  res.end(method === 'HEAD' ? undefined : reply.body);
}

const isApi = (url: URL): boolean => url.pathname.startsWith('/api/');

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const seeded = () => {
    const fresh = seed();
    if (opts.largeRetros) addLargeRetros(fresh, opts.largeRetros);
    return fresh;
  };
  const state = seeded();
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue();

  const appScriptKb = opts.appScriptKb ?? 0;
  const app = appScriptKb ? appScript(appScriptKb) : '';
  const dispatch = (req: Incoming): Reply => {
    if (isApi(req.url)) return handleApi(state, req);
    if (app && req.url.pathname === APP_SCRIPT_PATH) return { status: 200, headers: { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }, body: app };
    return handlePage(state, req, appScriptKb);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'https://gitlab.com');
    const incoming: Incoming = { method, url, headers: req.headers, body };
    if (url.pathname.startsWith('/__sandbox/')) return send(res, handleControl(controls, incoming), method);
    // No icon, and no "Failed to load resource" in the console either.
    if (url.pathname === '/favicon.ico') return send(res, { status: 204 }, method);

    const record: RecordedRequest = { method, path: req.url ?? '/', headers: { ...req.headers }, body, time: Date.now(), status: 0 };
    requests.push(record);
    const rule = faults.take(incoming);
    if (rule?.delayMs) await sleep(rule.delayMs);
    const action: FaultAction = rule ? faultAction(rule) : { kind: 'pass', headers: {} };
    if (action.kind === 'drop') {
      // A few bytes of a status line first: browsers silently resend a request whose reused
      // connection closed before any byte arrived, which would hide the failure under test.
      req.socket.end('HTTP/1.1 5');
      return;
    }
    if (action.kind === 'reply') return send(res, action.reply, method, record);
    const real = dispatch(incoming); // stores any change, even when a fault answers instead
    if (action.kind === 'after-apply') return send(res, action.reply, method, record);
    send(res, { ...real, headers: { ...real.headers, ...action.headers } }, method, record);
  }

  const controls = {
    requests,
    state,
    fail: (rule: FaultRule) => faults.add(rule),
    pendingFaults: () => faults.pending,
    reset: () => {
      Object.assign(state, seeded());
      requests.length = 0;
      faults.clear();
    },
  };

  const pems = await sandboxCertificate();
  const server: Server = createServer({ key: pems.key, cert: pems.cert }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox] handler failed:', error);
      if (!res.headersSent) send(res, json(500, { message: '500 Internal Server Error' }), req.method ?? 'GET');
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `https://${shown}:${port}`,
    port,
    requests,
    apiRequests: () => requests.filter((r) => r.path.startsWith('/api/')),
    fail: controls.fail,
    reset: controls.reset,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
