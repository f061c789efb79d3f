/**
 * Fault injection: a queue of rules that make the next matching request(s) fail the way gitlab.com
 * sometimes does (rate limits, 5xx, a SAML re-login page instead of JSON, dropped connections, slowness).
 */
import { STATUS_CODES } from 'node:http';
import { html } from './http.ts';
import type { FaultRule, Incoming, Reply } from './types.ts';

/** What the server should do with a request a rule matched. */
export type FaultAction =
  | { kind: 'drop' }
  /** Run the real handler (so the change is stored), then send `reply` instead of its answer. */
  | { kind: 'after-apply'; reply: Reply }
  | { kind: 'reply'; reply: Reply }
  /** Run the real handler and add `headers` to its answer. */
  | { kind: 'pass'; headers: Record<string, string> };

const SSO_PAGE = `<!DOCTYPE html>
<html lang="en" class="gl-light"><head><meta charset="utf-8"><title>SAML single sign-on · GitLab</title></head>
<body data-page="groups:sso:saml">
<main id="content-body"><h1>SAML single sign-on for GitLab.com / gitlab-com</h1>
<p>To access this group, you must authenticate with your single sign-on provider.</p>
<a class="btn btn-confirm" href="/groups/gitlab-com/-/saml/sso">Sign in</a></main>
</body></html>`;

export class FaultQueue {
  private rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule: { ...rule }, left: rule.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  get pending(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule, times: r.left }));
  }

  /** Consumes one use of the first matching rule. */
  take(req: Incoming): FaultRule | undefined {
    const index = this.rules.findIndex(({ rule }) =>
      (!rule.method || rule.method.toUpperCase() === req.method) && (!rule.path || req.url.pathname.startsWith(rule.path))
      && (!rule.bodyIncludes || req.body.includes(rule.bodyIncludes)));
    const hit = this.rules[index];
    if (!hit) return undefined;
    hit.left -= 1;
    if (hit.left <= 0) this.rules.splice(index, 1);
    return hit.rule;
  }
}

/** The reply a rule stands for, when it answers on its own. */
function faultReply(rule: FaultRule): Reply {
  if (rule.html) return html(rule.status ?? 200, SSO_PAGE, rule.headers);
  const status = rule.status ?? (rule.afterApply ? 502 : 200);
  // Rack::Attack answers 429 in plain text; Rails and Grape errors are JSON.
  const body = rule.body ?? (status === 429 ? 'Retry later\n' : JSON.stringify({ message: `${status} ${STATUS_CODES[status] ?? 'Error'}` }));
  const type = rule.contentType ?? (/^\s*[[{]/.test(body) ? 'application/json' : 'text/plain');
  return { status, headers: { 'content-type': type, ...rule.headers }, body };
}

export function faultAction(rule: FaultRule): FaultAction {
  if (rule.drop) return { kind: 'drop' };
  if (rule.afterApply) return { kind: 'after-apply', reply: faultReply(rule) };
  if (rule.status !== undefined || rule.body !== undefined || rule.html) return { kind: 'reply', reply: faultReply(rule) };
  return { kind: 'pass', headers: rule.headers ?? {} };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
