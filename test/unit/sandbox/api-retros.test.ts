import { describe, expect, it } from 'vitest';
import { API_TOKEN, READONLY_TOKEN } from '../../sandbox/seed';
import { startSandbox } from '../../sandbox/server';

import { useSandbox } from './use-sandbox';
import { call, get } from './client';

const EMERGENCIES = encodeURIComponent('gitlab-com/support/readiness/emergencies');
const refs = (body: { references: { full: string } }[]) => body.map((issue) => issue.references.full.replace(/^.*\//, '')).sort();

const sb = useSandbox();

describe('GET /issues', () => {
  it('defaults to the issues the user created (scope=created_by_me), like GitLab', async () => {
    const res = await get(sb.url, '/api/v4/issues?labels=retro', { token: API_TOKEN });
    expect(refs(res.json())).toEqual(['emergencies#10']);
  });

  it('scope=assigned_to_me lists open retros assigned to Maria, including ones others created (C12)', async () => {
    const res = await get(sb.url, '/api/v4/issues?scope=assigned_to_me&labels=retro&state=opened', { token: API_TOKEN });
    expect(refs(res.json())).toEqual(['emergencies#5', 'emergencies#8', 'emergencies#9']);
  });

  it('labels are all required; not[labels] excludes; created_after bounds', async () => {
    const both = await get(sb.url, '/api/v4/issues?scope=all&labels=retro,retro-actions&state=opened', { token: API_TOKEN });
    expect(refs(both.json())).toEqual(['emergencies#5', 'emergencies#8']);
    const suggested = await get(sb.url, `/api/v4/projects/${EMERGENCIES}/issues?labels=retro&not%5Blabels%5D=retro-actions&state=opened`, { token: API_TOKEN });
    expect(refs(suggested.json())).toEqual(['emergencies#10', 'emergencies#2', 'emergencies#9']);
    const recent = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const fresh = await get(sb.url, `/api/v4/issues?scope=all&labels=retro&created_after=${encodeURIComponent(recent)}`, { token: API_TOKEN });
    expect(refs(fresh.json())).toEqual(['emergencies#10', 'emergencies#9']);
  });

  it('pages with GitLab headers', async () => {
    const res = await get(sb.url, '/api/v4/issues?scope=all&per_page=2&page=1', { token: API_TOKEN });
    expect(res.json()).toHaveLength(2);
    expect(res.headers['x-next-page']).toBe('2');
    expect(Number(res.headers['x-total'])).toBe(sb.state.issues.length);
    expect(res.headers.link).toContain('rel="next"');
  });

  it('refuses an unknown scope', async () => {
    expect((await get(sb.url, '/api/v4/issues?scope=everything', { token: API_TOKEN })).status).toBe(400);
  });
});

describe('resource label events', () => {
  it('lists seeded events and records the ones a PUT makes', async () => {
    const before = (await get(sb.url, `/api/v4/projects/${EMERGENCIES}/issues/1/resource_label_events`, { token: API_TOKEN })).json();
    // Issue 1's seeded discussion (seed-notes.ts) starts with the customer-emergency label.
    expect(before.map((e: { label: { name: string } }) => e.label.name)).toEqual(['customer-emergency']);
    await call(sb.url, 'PUT', `/api/v4/projects/${EMERGENCIES}/issues/1`, { token: API_TOKEN, body: { add_labels: 'retro' } });
    const after = (await get(sb.url, `/api/v4/projects/${EMERGENCIES}/issues/1/resource_label_events`, { token: API_TOKEN })).json();
    expect(after.slice(before.length)).toMatchObject([{ action: 'add', label: { name: 'retro' }, user: { username: 'maria-manager' }, resource_type: 'Issue' }]);
    const seeded = (await get(sb.url, `/api/v4/projects/${EMERGENCIES}/issues/8/resource_label_events`, { token: API_TOKEN })).json();
    expect(seeded.map((e: { label: { name: string } }) => e.label.name)).toEqual(['retro', 'retro-actions']);
  });
});

describe('POST notes', () => {
  it('stores a note once and answers 201 with the note', async () => {
    const seeded = sb.state.notes.length; // issue 1's seeded discussion (seed-notes.ts)
    const res = await call(sb.url, 'POST', `/api/v4/projects/${EMERGENCIES}/issues/1/notes`, { token: API_TOKEN, body: { body: 'Why: a retro' } });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ body: 'Why: a retro', noteable_iid: 1, system: false, author: { username: 'maria-manager' } });
    expect(sb.state.notes).toHaveLength(seeded + 1);
  });

  it('refuses a blank body (400) and a read-only token (403)', async () => {
    const seeded = sb.state.notes.length;
    expect((await call(sb.url, 'POST', `/api/v4/projects/${EMERGENCIES}/issues/1/notes`, { token: API_TOKEN, body: { body: '  ' } })).status).toBe(400);
    expect((await call(sb.url, 'POST', `/api/v4/projects/${EMERGENCIES}/issues/1/notes`, { token: READONLY_TOKEN, body: { body: 'x' } })).status).toBe(403);
    expect(sb.state.notes).toHaveLength(seeded);
  });
});

describe('large data set', () => {
  it('adds the requested number of retros, same world every time, kept through reset', async () => {
    const big = await startSandbox({ largeRetros: 1200 });
    try {
      const generated = () => big.state.issues.filter((i) => i.iid >= 1000 && i.projectId === 1001);
      expect(generated()).toHaveLength(1200);
      const titles = generated().slice(0, 5).map((i) => i.title);
      big.reset();
      expect(generated()).toHaveLength(1200);
      expect(generated().slice(0, 5).map((i) => i.title)).toEqual(titles);
      const open = (await get(big.url, `/api/v4/projects/${EMERGENCIES}/issues?labels=retro-actions&state=opened&per_page=100`, { token: API_TOKEN }));
      expect(Number(open.headers['x-total'])).toBeGreaterThan(400);
    } finally {
      await big.close();
    }
  });
});
