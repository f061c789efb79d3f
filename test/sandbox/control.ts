/** `/__sandbox/*`: lets another process (a Playwright run, the demo script) drive a running sandbox. */
import { json } from './http.ts';
import type { FaultRule, Incoming, RecordedRequest, Reply, SandboxState } from './types.ts';

export interface Controls {
  requests: RecordedRequest[];
  state: SandboxState;
  fail(rule: FaultRule): void;
  pendingFaults(): FaultRule[];
  reset(): void;
}

const RULE_KEYS = new Set(['method', 'path', 'status', 'headers', 'body', 'contentType', 'delayMs', 'drop', 'html', 'afterApply', 'times']);

function parseRules(body: string): FaultRule[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'body must be a JSON fault rule or an array of them';
  }
  const rules = Array.isArray(parsed) ? parsed : [parsed];
  for (const rule of rules) {
    if (!rule || typeof rule !== 'object') return 'each rule must be an object';
    const unknown = Object.keys(rule).filter((k) => !RULE_KEYS.has(k));
    if (unknown.length) return `unknown rule keys: ${unknown.join(', ')}`;
  }
  return rules as FaultRule[];
}

export function handleControl(c: Controls, req: Incoming): Reply {
  const action = `${req.method} ${req.url.pathname.replace(/\/+$/, '')}`;
  switch (action) {
    case 'GET /__sandbox/requests':
      return json(200, c.requests);
    case 'DELETE /__sandbox/requests':
      c.requests.length = 0;
      return { status: 204 };
    case 'POST /__sandbox/fail': {
      const rules = parseRules(req.body);
      if (typeof rules === 'string') return json(400, { error: rules });
      rules.forEach((r) => c.fail(r));
      return json(201, { pending: c.pendingFaults() });
    }
    case 'GET /__sandbox/faults':
      return json(200, c.pendingFaults());
    case 'POST /__sandbox/reset':
      c.reset();
      return { status: 204 };
    case 'GET /__sandbox/state':
      return json(200, c.state);
    default:
      return json(404, { error: 'unknown sandbox control route' });
  }
}
