import { connect, type PeerCertificate } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { API_TOKEN } from '../../sandbox/seed';

import { useSandbox } from './use-sandbox';
import { call, get } from './client';

const sb = useSandbox();

describe('request recording', () => {
  it('records method, path with query, lower-case headers, body and time', async () => {
    const before = Date.now();
    await call(sb.url, 'PUT', '/api/v4/projects/1001/issues/1?due_date=2030-01-01', { token: API_TOKEN, body: { add_labels: 'retro' }, headers: { 'X-Extra': 'yes' } });
    await get(sb.url, '/gitlab-com/support/readiness/emergencies/-/issues/1');
    // The browser asks for an icon on every page: answered empty (no console error), and not recorded.
    expect((await get(sb.url, '/favicon.ico')).status).toBe(204);
    await get(sb.url, '/__sandbox/requests');
    expect(sb.requests).toHaveLength(2);
    const [put] = sb.requests;
    expect(put).toMatchObject({ method: 'PUT', path: '/api/v4/projects/1001/issues/1?due_date=2030-01-01', body: '{"add_labels":"retro"}', status: 200 });
    expect(put?.headers).toMatchObject({ 'private-token': API_TOKEN, 'x-extra': 'yes', 'content-type': 'application/json' });
    expect(put?.time).toBeGreaterThanOrEqual(before);
    expect(sb.apiRequests().map((r) => r.method)).toEqual(['PUT']);
  });

  it('serves and clears the log through the control API', async () => {
    await get(sb.url, '/api/v4/user', { token: API_TOKEN });
    const listed = (await get(sb.url, '/__sandbox/requests')).json();
    expect(listed.map((r: { path: string }) => r.path)).toEqual(['/api/v4/user']);
    expect((await call(sb.url, 'DELETE', '/__sandbox/requests')).status).toBe(204);
    expect((await get(sb.url, '/__sandbox/requests')).json()).toEqual([]);
    expect(sb.requests).toEqual([]);
  });
});

describe('reset', () => {
  it('restores the seed in place, from this process or another', async () => {
    const state = sb.state;
    await call(sb.url, 'PUT', '/api/v4/projects/1001/issues/4', { token: API_TOKEN, body: { assignee_ids: [101] } });
    expect(sb.state.issues.find((i) => i.iid === 4)?.assigneeIds).toEqual([101]);
    expect((await call(sb.url, 'POST', '/__sandbox/reset')).status).toBe(204);
    expect(sb.state).toBe(state);
    expect(sb.state.issues.find((i) => i.iid === 4)?.assigneeIds).toEqual([]);
    expect(sb.requests).toEqual([]);
  });
});

it('presents a certificate for gitlab.com, localhost and 127.0.0.1', async () => {
  const cert = await new Promise<PeerCertificate>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: sb.port, servername: 'gitlab.com', rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
    socket.on('error', reject);
  });
  expect(cert.subject.CN).toBe('gitlab.com');
  expect(cert.subjectaltname).toContain('DNS:gitlab.com');
  expect(cert.subjectaltname).toContain('DNS:localhost');
  expect(cert.subjectaltname).toContain('IP Address:127.0.0.1');
  expect(sb.url).toBe(`https://127.0.0.1:${sb.port}`);
});
