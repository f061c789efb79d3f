import { describe, expect, it } from 'vitest';
import { API_TOKEN } from '../../sandbox/seed';

import { useSandbox } from './use-sandbox';
import { call, get } from './client';

const ISSUE = '/api/v4/projects/1001/issues/1';
const sb = useSandbox();

describe('fault rules', () => {
  it('answers a status with extra headers once, then the real route again', async () => {
    sb.fail({ path: '/api/v4/projects', status: 429, headers: { 'Retry-After': '30' } });
    const limited = await get(sb.url, ISSUE, { token: API_TOKEN });
    expect([limited.status, limited.headers['retry-after'], limited.body]).toEqual([429, '30', 'Retry later\n']);
    expect((await get(sb.url, ISSUE, { token: API_TOKEN })).status).toBe(200);
  });

  it('only matches its method and path prefix, and honours times', async () => {
    sb.fail({ method: 'put', path: '/api/v4/projects/1001', status: 500, times: 2 });
    expect((await get(sb.url, ISSUE, { token: API_TOKEN })).status).toBe(200);
    expect((await get(sb.url, '/api/v4/user', { token: API_TOKEN })).status).toBe(200);
    for (const expected of [500, 500, 200]) {
      expect((await call(sb.url, 'PUT', ISSUE, { token: API_TOKEN, body: { title: 'x' } })).status).toBe(expected);
    }
  });

  it('answers 200 text/html with an SSO page instead of JSON', async () => {
    sb.fail({ path: '/api/', html: true });
    const res = await get(sb.url, ISSUE, { token: API_TOKEN });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('SAML single sign-on');
  });

  it('drops the connection without an answer', async () => {
    sb.fail({ path: '/api/v4/user', drop: true });
    await expect(get(sb.url, '/api/v4/user', { token: API_TOKEN })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(sb.requests.at(-1)).toMatchObject({ path: '/api/v4/user', status: 0 });
  });

  it('stores the change, then answers 502 (afterApply)', async () => {
    sb.fail({ method: 'PUT', path: ISSUE, afterApply: true, status: 502 });
    const res = await call(sb.url, 'PUT', ISSUE, { token: API_TOKEN, body: { add_labels: 'retro' } });
    expect(res.status).toBe(502);
    expect((await get(sb.url, ISSUE, { token: API_TOKEN })).json().labels).toEqual(['customer-emergency', 'retro']);
  });

  it('delays, and can send a custom body and content type', async () => {
    sb.fail({ path: '/api/v4/user', delayMs: 150, status: 503, body: '<html>maintenance</html>', contentType: 'text/html' });
    const started = Date.now();
    const res = await get(sb.url, '/api/v4/user', { token: API_TOKEN });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect([res.status, res.headers['content-type'], res.body]).toEqual([503, 'text/html', '<html>maintenance</html>']);
  });

  it('can be queued from another process via POST /__sandbox/fail', async () => {
    const queued = await call(sb.url, 'POST', '/__sandbox/fail', { body: [{ path: '/api/v4/user', status: 503 }] });
    expect(queued.status).toBe(201);
    expect((await get(sb.url, '/api/v4/user', { token: API_TOKEN })).status).toBe(503);
    expect((await call(sb.url, 'POST', '/__sandbox/fail', { body: { stauts: 500 } })).status).toBe(400);
  });

  it('reset() clears pending faults', async () => {
    sb.fail({ status: 500, times: 5 });
    sb.reset();
    expect((await get(sb.url, '/api/v4/user', { token: API_TOKEN })).status).toBe(200);
  });
});
