import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../sandbox/pages';
import { API_TOKEN } from '../../sandbox/seed';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { call, get } from './client';

const P = '/gitlab-com/support/readiness/emergencies';
let sb: Sandbox;
// jsdom ships no types here, and the jsdom *environment* breaks selfsigned's WebCrypto; so load it by name.
type Dom = { window: { document: Document } };
let JSDOM: new (html: string) => Dom;
beforeAll(async () => {
  const name = 'jsdom';
  ({ JSDOM } = (await import(name)) as { JSDOM: typeof JSDOM });
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

async function page(path: string, headers?: Record<string, string>): Promise<{ status: number; doc: Document; html: string }> {
  const res = await get(sb.url, path, { headers });
  return { status: res.status, html: res.body, doc: new JSDOM(res.body).window.document };
}
const text = (doc: ParentNode, selector: string): string => doc.querySelector(selector)?.textContent?.trim() ?? '';
const PROJECT_DATA = {
  group: 'readiness', groupFullPath: 'gitlab-com/support/readiness', projectId: '1001', project: 'emergencies',
  projectFullPath: 'gitlab-com/support/readiness/emergencies', namespaceId: '301',
};

describe('issue pages', () => {
  it('classic: body data, csrf, gon, title and the classic sidebar anchors', async () => {
    const { status, doc, html } = await page(`${P}/-/issues/1`);
    expect(status).toBe(200);
    expect({ ...doc.body.dataset }).toEqual({ page: 'projects:issues:show', pageTypeId: '1', ...PROJECT_DATA });
    expect(doc.querySelector('meta[name=csrf-token]')?.getAttribute('content')).toBeTruthy();
    expect(html).toContain('gon.current_username="maria-manager"');
    expect(doc.querySelector('main#content-body')).not.toBeNull();
    expect(text(doc, '[data-testid="issue-title"]')).toBe('Customer emergency: Geo replication stalled');
    const aside = doc.querySelector('main#content-body > aside.right-sidebar.js-right-sidebar.js-issuable-sidebar');
    expect(aside?.querySelector('.issuable-sidebar [data-testid="assignee-block-container"]')?.textContent).toContain('Sam Support');
    expect(text(aside!, '[data-testid="sidebar-labels"] [data-testid="selected-label-content"]')).toBe('customer-emergency');
    expect(text(aside!, '[data-testid="sidebar-due-date"] [data-testid="sidebar-date-value"]')).toBe('None');
    expect(doc.querySelector('[data-testid="work-item-overview-right-sidebar"]')).toBeNull();
    expect(doc.querySelector('a[data-sandbox-spa][rel="next"]')?.getAttribute('href')).toBe(`${P}/-/work_items/2`);
  });

  it('work-item view at /-/issues/2 keeps data-page-type-id; /-/work_items/2 has none', async () => {
    const viaIssues = (await page(`${P}/-/issues/2`)).doc;
    expect({ ...viaIssues.body.dataset }).toEqual({ page: 'projects:issues:show', pageTypeId: '2', ...PROJECT_DATA });
    const { doc } = await page(`${P}/-/work_items/2`);
    expect({ ...doc.body.dataset }).toEqual({ page: 'projects:work_items:show', ...PROJECT_DATA });
    expect(doc.querySelector('#js-work-items')?.getAttribute('data-full-path')).toBe('gitlab-com/support/readiness/emergencies');
    expect(text(doc, 'h1[data-testid="work-item-title"]')).toBe('Customer emergency: runners stuck pending');
    const sidebar = doc.querySelector('[data-testid="work-item-overview"] [data-testid="work-item-overview-right-sidebar"]');
    expect(sidebar?.querySelector('[data-testid="work-item-assignees"]')?.textContent).toContain('@sam-support');
    expect(sidebar?.querySelector('[data-testid="work-item-labels"] [data-testid="retro"]')).not.toBeNull();
    expect(sidebar?.querySelector('[data-testid="work-item-due-dates"]')).not.toBeNull();
    expect(doc.querySelector('aside.js-right-sidebar')).toBeNull();
  });

  it('incident: incidents data-page, tabs and the classic sidebar; /-/issues/3 is issues:show', async () => {
    const { doc } = await page(`${P}/-/issues/incident/3`);
    expect(doc.body.dataset.page).toBe('projects:incidents:show');
    expect(doc.body.dataset.pageTypeId).toBe('3');
    expect(doc.querySelector('[data-testid="incident-tabs"] [data-testid="summary-tab"]')).not.toBeNull();
    expect(doc.querySelector('aside.js-right-sidebar .issuable-sidebar .js-sidebar-severity-widget-root')).not.toBeNull();
    const viaIssues = (await page(`${P}/-/issues/3`)).doc;
    expect(viaIssues.body.dataset.page).toBe('projects:issues:show');
    expect(viaIssues.querySelector('[data-testid="incident-tabs"]')).not.toBeNull();
    expect((await page(`${P}/-/issues/incident/1`)).status).toBe(404);
  });

  it('shows the state after an API write, escaped', async () => {
    await call(sb.url, 'PUT', `/api/v4/projects/1001/issues/4`, {
      token: API_TOKEN, body: { title: '<img src=x onerror=alert(1)> & "q"', add_labels: 'retro', due_date: '2030-07-22', assignee_ids: [101, 103] },
    });
    const { doc, html } = await page(`${P}/-/issues/4`);
    expect(text(doc, '[data-testid="issue-title"]')).toBe('<img src=x onerror=alert(1)> & "q"');
    expect(doc.querySelector('main img[src="x"]')).toBeNull();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;');
    expect(text(doc, '[data-testid="sidebar-due-date"] [data-testid="sidebar-date-value"]')).toBe('Jul 22, 2030');
    expect(doc.querySelectorAll('[data-testid="assignee-block-container"] .sandbox-assignee')).toHaveLength(2);
    expect(text(doc, '[data-testid="sidebar-labels"]')).toContain('retro');
  });

  it('404s unknown projects and issues with an HTML page', async () => {
    for (const path of ['/nope/nope/-/issues/1', `${P}/-/issues/99`, '/nope/-/issues']) {
      const res = await page(path);
      expect([path, res.status, res.doc.querySelector('main#content-body')?.textContent]).toEqual([path, 404, expect.stringContaining('404')]);
    }
  });
});

describe('other pages', () => {
  it('issue list links every issue with data-sandbox-spa', async () => {
    const { doc } = await page(`${P}/-/issues`);
    const links = [...doc.querySelectorAll('main a.issue-title-text[data-sandbox-spa]')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([11, 10, 9, 8, 5, 4, 3, 2, 1].map((iid) => `${P}/-/${iid === 2 ? 'work_items' : 'issues'}/${iid}`));
    expect(doc.querySelector('script')?.textContent).toBeTruthy();
  });

  it('dashboard, token settings echo and group work item', async () => {
    expect((await page('/')).status).toBe(200);
    const tokens = (await page('/-/user_settings/personal_access_tokens?name=Emergency%20Retro&scopes=api')).doc;
    expect(text(tokens, 'td[data-param="name"]')).toBe('Emergency Retro');
    expect(text(tokens, '[data-testid="sandbox-query"]')).toBe('?name=Emergency%20Retro&scopes=api');
    const group = (await page('/groups/gitlab-com/support/-/work_items/12')).doc;
    expect({ ...group.body.dataset }).toEqual({ page: 'groups:work_items:show', group: 'support', groupFullPath: 'gitlab-com/support' });
    expect(group.querySelector('[data-testid="work-item-overview-right-sidebar"]')).not.toBeNull();
  });

  it('renders dark mode from ?theme=dark (and remembers it) or the sandbox-theme cookie', async () => {
    const res = await get(sb.url, `${P}/-/issues/1?theme=dark`);
    expect(res.body).toMatch(/<html lang="en" class="gl-dark/);
    expect(String(res.headers['set-cookie'])).toContain('sandbox-theme=dark');
    expect((await page(`${P}/-/issues/1`, { cookie: 'a=b; sandbox-theme=dark' })).doc.documentElement.classList.contains('gl-dark')).toBe(true);
    expect((await page(`${P}/-/issues/1`)).doc.documentElement.classList.contains('gl-light')).toBe(true);
    expect(res.body).toContain('--gl-background-color-default');
  });

  it('escapeHtml escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
