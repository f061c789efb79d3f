import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createGateway } from '@/lib/gitlab/gateway';
import { sendOnce } from '@/lib/gitlab/requester';
import { GitLabRequestError, REQUEST_TIMEOUT_SECONDS, type ApiError } from '@/lib/gitlab/errors';
import { apiFixture, apiFixtureText, headersOf, projectIssueFixture } from '../../helpers/gitlab-fixtures';

type FetchMock = Mock<(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>>;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

let fetchMock: FetchMock;

function answer(make: () => Response | Promise<Response>): FetchMock {
  fetchMock = vi.fn(async () => make());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function reject(error: unknown): FetchMock {
  fetchMock = vi.fn(async () => {
    throw error;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The ApiError a promise was rejected with; fails when it resolved or threw something else. */
async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const thrown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(GitLabRequestError);
  return (thrown as GitLabRequestError).info;
}

function call(index = 0): { url: string; init: RequestInit } {
  const [input, init] = fetchMock.mock.calls[index] ?? [];
  return { url: String(input), init: init ?? {} };
}

const headerOf = (init: RequestInit, name: string): string | undefined => {
  const headers = new Headers(init.headers);
  return headers.get(name) ?? undefined;
};

const gateway = () => createGateway({ host: 'https://gitlab.com', token: 't' });

beforeEach(() => {
  answer(() => json(projectIssueFixture()));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sendOnce', () => {
  const options = { prefixUrl: 'https://gitlab.com/api/v4/', method: 'GET', headers: { 'PRIVATE-TOKEN': 'secret' } };

  it('returns the parsed JSON body, status and headers on success', async () => {
    answer(() => json({ iid: 5, title: 'ok' }, 200, { 'x-total': '1' }));
    const result = (await sendOnce('projects/1/issues/5', options)) as unknown as { body: unknown; status: number; headers: Record<string, string> };
    expect(result.body).toEqual({ iid: 5, title: 'ok' });
    expect(result.status).toBe(200);
    expect(result.headers['x-total']).toBe('1');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(call().url).toBe('https://gitlab.com/api/v4/projects/1/issues/5');
  });

  it('keeps a relative-root prefix and the search params', async () => {
    await sendOnce('users', { ...options, prefixUrl: 'https://host.example/gitlab/api/v4', searchParams: 'username=sam' });
    expect(call().url).toBe('https://host.example/gitlab/api/v4/users?username=sam');
  });

  it('sends the token header, omits cookies and carries a 25 s AbortSignal', async () => {
    const timeout = vi.spyOn(AbortSignal, 'timeout');
    await sendOnce('projects/1/issues/5', options);
    const { init } = call();
    expect(headerOf(init, 'PRIVATE-TOKEN')).toBe('secret');
    expect(init.credentials).toBe('omit');
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(timeout).toHaveBeenCalledWith(REQUEST_TIMEOUT_SECONDS * 1000);
    expect(REQUEST_TIMEOUT_SECONDS).toBe(25);
  });

  it('a 204 answer has a null body', async () => {
    answer(() => new Response(null, { status: 204 }));
    const result = (await sendOnce('projects/1/issues/5', { ...options, method: 'DELETE' })) as unknown as { body: unknown; status: number };
    expect(result).toMatchObject({ body: null, status: 204 });
  });

  it('C10: a 502 is sent once and reported as a server error', async () => {
    answer(() => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await apiErrorOf(sendOnce('projects/1/issues/5/notes', { ...options, method: 'POST', body: '{"body":"hi"}' }));
    expect(error).toMatchObject({ kind: 'server', status: 502 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a failed read says nothing was changed; a failed write says a change may have been saved', async () => {
    answer(() => json({ message: '500 Internal Server Error' }, 500));
    expect((await apiErrorOf(sendOnce('projects/1/issues/5/notes', options))).message).toBe('GitLab answered with an error (500). This was only a read, so nothing changed on GitLab: try again in a minute.');
    expect((await apiErrorOf(sendOnce('projects/1/issues/5/notes', { ...options, method: 'PUT' }))).message).toMatch(/A change may or may not have been saved/);
    answer(() => json({ error: 'insufficient_scope' }, 403));
    expect((await apiErrorOf(sendOnce('projects/1/issues/5/notes', options))).message).toBe('Your token needs the api scope for this. Create a token with the api scope and save it in the options.');
    reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    expect((await apiErrorOf(sendOnce('projects/1/issues/5/notes', options))).message).toMatch(/This was only a read, so nothing changed on GitLab: try again in a minute\.$/);
  });

  it('C10: a 429 with Retry-After 3 is sent once and says to wait 3 s', async () => {
    answer(() => json(apiFixture('errors/429-application-rate-limit.json'), 429, { 'retry-after': '3' }));
    const error = await apiErrorOf(sendOnce('projects/1/issues/5', options));
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfter: 3 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('C10: the Rack::Attack 429 (text/plain, documented headers) is read too', async () => {
    answer(() => new Response(apiFixtureText('errors/429-rack-attack-body.txt'), { status: 429, headers: headersOf('errors/429-rack-attack-headers.txt') }));
    const error = await apiErrorOf(sendOnce('projects/1/issues/5', options));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfter: 30 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('an error body in JSON reaches the message (400 validation map, C11)', async () => {
    answer(() => json({ message: { title: ["can't be blank"] } }, 400));
    const error = await apiErrorOf(sendOnce('projects/1/issues', { ...options, method: 'POST' }));
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain("title can't be blank");
    expect(error.message).not.toContain('[object Object]');
  });

  it('401 from the documented body is unauthorized', async () => {
    answer(() => json(apiFixture('errors/401-unauthorized.json'), 401));
    expect((await apiErrorOf(sendOnce('user', options))).kind).toBe('unauthorized');
  });

  it('a 200 HTML page (SSO or proxy login) is not-json', async () => {
    answer(() => new Response('<!doctype html><title>Sign in</title>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }));
    const error = await apiErrorOf(sendOnce('projects/1/issues/5', options));
    expect(error).toMatchObject({ kind: 'not-json', status: 200 });
  });

  it('a 200 that claims JSON but is not parseable is not-json', async () => {
    answer(() => new Response('<html>', { status: 200, headers: { 'content-type': 'application/json' } }));
    expect((await apiErrorOf(sendOnce('projects/1/issues/5', options))).kind).toBe('not-json');
  });

  it('a rejected fetch with a TimeoutError DOMException is a timeout', async () => {
    reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    const error = await apiErrorOf(sendOnce('projects/1/issues/5', options));
    expect(error).toMatchObject({ kind: 'timeout', status: 0 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a rejected fetch with a TypeError is a network error naming the origin', async () => {
    reject(new TypeError('Failed to fetch'));
    const error = await apiErrorOf(sendOnce('projects/1/issues/5', options));
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect(error.message).toContain('https://gitlab.com');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('createGateway over the single-shot requester', () => {
  it('getIssue: GET with the URL-encoded project path, the PRIVATE-TOKEN header and no cookies', async () => {
    const issue = await gateway().getIssue('group/sub/proj', 1);
    expect(issue.iid).toBe(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, init } = call();
    expect(url).toBe('https://gitlab.com/api/v4/projects/group%2Fsub%2Fproj/issues/1');
    expect(init.method).toBe('GET');
    expect(headerOf(init, 'PRIVATE-TOKEN')).toBe('t');
    expect(init.credentials).toBe('omit');
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('editIssue: one PUT with exactly the retro-actions body', async () => {
    await gateway().editIssue('group/proj', 5, { add_labels: 'retro-actions', due_date: '2025-03-15', assignee_ids: [1, 2] });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, init } = call();
    expect(url).toBe('https://gitlab.com/api/v4/projects/group%2Fproj/issues/5');
    expect(init.method).toBe('PUT');
    expect(headerOf(init, 'content-type')).toBe('application/json');
    expect(headerOf(init, 'PRIVATE-TOKEN')).toBe('t');
    expect(JSON.parse(String(init.body))).toEqual({ add_labels: 'retro-actions', due_date: '2025-03-15', assignee_ids: [1, 2] });
    expect(String(init.body)).toBe('{"add_labels":"retro-actions","due_date":"2025-03-15","assignee_ids":[1,2]}');
  });

  it('editIssue: due_date null is sent as JSON null (clears the date), undefined fields are left out', async () => {
    await gateway().editIssue('group/proj', 5, { remove_labels: 'retro-actions', due_date: null });
    const body = JSON.parse(String(call().init.body)) as Record<string, unknown>;
    expect(body).toEqual({ remove_labels: 'retro-actions', due_date: null });
    expect('due_date' in body && body.due_date === null).toBe(true);
    expect(body).not.toHaveProperty('assignee_ids');
  });

  it('editIssue: an empty assignee list is kept (unassign all)', async () => {
    await gateway().editIssue('group/proj', 5, { assignee_ids: [] });
    expect(JSON.parse(String(call().init.body))).toEqual({ assignee_ids: [] });
  });

  it('C10: a PUT answered 502 is not retried', async () => {
    answer(() => json({ message: '502 Bad Gateway' }, 502));
    const error = await apiErrorOf(gateway().editIssue('group/proj', 5, { add_labels: 'retro-actions' }));
    expect(error).toMatchObject({ kind: 'server', status: 502 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('C10: a GET answered 429 Retry-After 3 is not retried and keeps retryAfter', async () => {
    answer(() => json(apiFixture('errors/429-application-rate-limit.json'), 429, { 'Retry-After': '3' }));
    const error = await apiErrorOf(gateway().getIssue('group/proj', 5));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfter: 3 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('C14c: 404 for a project the user cannot see says "not found, or you have no access"', async () => {
    answer(() => json(apiFixture('errors/404-project-not-found.json'), 404));
    const error = await apiErrorOf(gateway().getIssue('secret/proj', 1));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('not found, or you have no access');
  });

  it('a JSON answer that is not an issue (a proxy’s JSON) is refused as not-json', async () => {
    answer(() => json({ status: 'ok' }));
    expect((await apiErrorOf(gateway().getIssue('group/proj', 5))).kind).toBe('not-json');
  });

  it('an HTML login page on 200 is not-json', async () => {
    answer(() => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect((await apiErrorOf(gateway().editIssue('group/proj', 5, { add_labels: 'x' }))).kind).toBe('not-json');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a trailing slash on the host does not double the slash', async () => {
    await createGateway({ host: 'https://gitlab.example.com/', token: 't' }).getIssue('a/b', 2);
    expect(call().url).toBe('https://gitlab.example.com/api/v4/projects/a%2Fb/issues/2');
  });

  it('findUser asks for one page by username and returns the first match or null', async () => {
    answer(() => json(apiFixture('list-users.json')));
    const user = await gateway().findUser('john_smith');
    expect(user?.username).toBe('john_smith');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const url = new URL(call().url);
    expect(url.pathname).toBe('/api/v4/users');
    expect(url.searchParams.get('username')).toBe('john_smith');
    answer(() => json([]));
    expect(await gateway().findUser('nobody')).toBeNull();
  });

  it('currentUser reads GET /user', async () => {
    answer(() => json(apiFixture('get-current-user.json')));
    const user = await gateway().currentUser();
    expect(user.username).toBe('john_smith');
    expect(new URL(call().url).pathname).toBe('/api/v4/user');
  });
});
