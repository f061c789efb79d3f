import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  GitLabRequestError,
  REQUEST_TIMEOUT_SECONDS,
  asApiError,
  errorFromNetwork,
  errorFromResponse,
  extensionUpdatedError,
  gitlabMessage,
  invalidRequestError,
  noTokenError,
  notJsonError,
  parseRetryAfter,
  type ApiError,
  type ErrorKind,
} from '@/lib/gitlab/errors';
import { apiFixture, apiFixtureText, headersOf } from '../../helpers/gitlab-fixtures';

/** A message the user reads: one or more sentences, never a serialised object. */
function expectSentence(message: string): void {
  expect(message.trim().length).toBeGreaterThan(10);
  expect(message).toMatch(/^[A-Z]/);
  expect(message).toMatch(/[.!?]$/);
  expect(message).not.toContain('[object Object]');
  expect(message).not.toContain('{}');
  expect(message).not.toContain('undefined');
  expect(message).not.toContain('null');
}

/** The insufficient-scope answer (lib/api/api_guard.rb); the description text is rack-oauth2's, not a saved file. */
const insufficientScopeBody = {
  error: 'insufficient_scope',
  error_description: 'The request requires higher privileges than provided by the access token.',
  scope: 'api',
};

interface Row {
  name: string;
  status: number;
  body: unknown;
  retryAfter?: string | null;
  kind: ErrorKind;
  contains: (string | RegExp)[];
  retryAfterSeconds?: number;
}

const rows: Row[] = [
  { name: '401 {"message":"401 Unauthorized"}', status: 401, body: apiFixture('errors/401-unauthorized.json'), kind: 'unauthorized', contains: [/invalid/, /expired/, /token/] },
  { name: '401 invalid_token (revoked)', status: 401, body: apiFixture('errors/401-invalid-token-revoked.json'), kind: 'unauthorized', contains: ['the token was revoked', 'Create a new token'] },
  { name: '401 invalid_token (expired)', status: 401, body: apiFixture('errors/401-invalid-token-expired.json'), kind: 'unauthorized', contains: ['GitLab rejected the token: the token has expired. Create a new token'] },
  { name: '403 insufficient_scope', status: 403, body: insufficientScopeBody, kind: 'insufficient-scope', contains: ['api scope'] },
  { name: '403 Forbidden', status: 403, body: apiFixture('errors/403-forbidden.json'), kind: 'forbidden', contains: ['not allowed', '403 Forbidden'] },
  { name: '403 Forbidden with reason', status: 403, body: apiFixture('errors/403-forbidden-with-reason.json'), kind: 'forbidden', contains: ['Must be admin to use sudo'] },
  { name: '403 issues disabled', status: 403, body: apiFixture('errors/403-issues-disabled.json'), kind: 'forbidden', contains: ['not allowed'] },
  { name: '404 Project Not Found', status: 404, body: apiFixture('errors/404-project-not-found.json'), kind: 'not-found', contains: ['not found, or you have no access'] },
  { name: '404 Not found (record)', status: 404, body: apiFixture('errors/404-record-not-found.json'), kind: 'not-found', contains: ['not found, or you have no access'] },
  { name: '404 unknown route', status: 404, body: apiFixture('errors/404-unknown-route.json'), kind: 'not-found', contains: ['not found, or you have no access'] },
  { name: '400 validation map (C11)', status: 400, body: { message: { title: ["can't be blank"] } }, kind: 'rejected', contains: ["title can't be blank"] },
  { name: '400 documented validation map', status: 400, body: apiFixture('errors/400-validation.json'), kind: 'rejected', contains: ['bio is too long (maximum is 255 characters)'] },
  { name: '400 {"error":"title is missing"}', status: 400, body: apiFixture('errors/400-required-param-missing.json'), kind: 'rejected', contains: ['title is missing'] },
  { name: '400 missing attribute', status: 400, body: apiFixture('errors/400-missing-attribute.json'), kind: 'rejected', contains: ['"title" not given'] },
  { name: '409 Conflict', status: 409, body: { message: '409 Conflict' }, kind: 'rejected', contains: ['409 Conflict'] },
  { name: '422 Unprocessable Entity', status: 422, body: apiFixture('errors/422-unprocessable-entity.json'), kind: 'rejected', contains: ['422 Unprocessable Entity'] },
  { name: '422 with an empty body', status: 422, body: '', kind: 'rejected', contains: ['HTTP 422'] },
  { name: '429 application limit, Retry-After 3', status: 429, body: apiFixture('errors/429-application-rate-limit.json'), retryAfter: '3', kind: 'rate-limited', retryAfterSeconds: 3, contains: ['rate limiting', '3 s'] },
  { name: '429 Rack::Attack, headers from the docs', status: 429, body: apiFixtureText('errors/429-rack-attack-body.txt'), retryAfter: headersOf('errors/429-rack-attack-headers.txt')['retry-after'], kind: 'rate-limited', retryAfterSeconds: 30, contains: ['30 s'] },
  { name: '429 without headers', status: 429, body: apiFixture('errors/429-application-rate-limit.json'), retryAfter: null, kind: 'rate-limited', retryAfterSeconds: 60, contains: ['60 s'] },
  { name: '500', status: 500, body: { message: '500 Internal Server Error' }, kind: 'server', contains: ['500', 'may or may not have been saved'] },
  { name: '502 (HTML from a proxy)', status: 502, body: '<html><body>Bad Gateway</body></html>', kind: 'server', contains: ['502'] },
  { name: '503', status: 503, body: { message: '503 Service Unavailable' }, kind: 'server', contains: ['503'] },
];

describe('errorFromResponse', () => {
  it.each(rows)('$name → $kind', ({ status, body, retryAfter, kind, contains, retryAfterSeconds }) => {
    const error = errorFromResponse(status, body, retryAfter);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    for (const part of contains) {
      if (typeof part === 'string') expect(error.message).toContain(part);
      else expect(error.message).toMatch(part);
    }
    expectSentence(error.message);
    if (kind === 'rate-limited') expect(error.retryAfter).toBe(retryAfterSeconds);
    else expect(error).not.toHaveProperty('retryAfter');
    // Plain JSON only: it crosses extension messaging (C7).
    expect(JSON.parse(JSON.stringify(error))).toEqual(error);
  });

  it('C11: a validation map never leaks as [object Object] or {}', () => {
    const body = { message: { title: ["can't be blank"], due_date: ['is not a date', 'is in the past'], base: ['Issue is locked'] } };
    const { message } = errorFromResponse(400, body);
    expect(message).toContain("title can't be blank");
    expect(message).toContain('due date is not a date, is in the past');
    expect(message).toContain('Issue is locked');
    expect(message).not.toMatch(/\[object Object\]|\{\}/);
  });

  it('403 without insufficient_scope is not mistaken for a scope problem', () => {
    expect(errorFromResponse(403, { error: 'forbidden' }).kind).toBe('forbidden');
    expect(errorFromResponse(401, insufficientScopeBody).kind).toBe('unauthorized');
  });

  describe('Retry-After as an HTTP date', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('counts the seconds from now until that date', () => {
      vi.useFakeTimers();
      const headers = headersOf('errors/429-rack-attack-headers.txt');
      vi.setSystemTime(new Date(Date.parse(headers['ratelimit-resettime']!) - 45_000));
      const error = errorFromResponse(429, 'Retry later', headers['ratelimit-resettime']);
      expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfter: 45 });
      expect(error.message).toContain('45 s');
    });

    it('a date in the past means no wait', () => {
      expect(parseRetryAfter('Tue, 05 Jan 2021 11:00:00 GMT', Date.parse('2021-01-05T11:05:00Z'))).toBe(0);
    });
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['3', 3],
    ['0', 0],
    ['2.5', 3],
    [null, 60],
    [undefined, 60],
    ['', 60],
    ['soon', 60],
  ])('%j → %d s', (value, seconds) => {
    expect(parseRetryAfter(value, Date.parse('2025-03-08T12:00:00Z'))).toBe(seconds);
  });
});

describe('gitlabMessage', () => {
  it.each<[unknown, string]>([
    [{ message: '404 Project Not Found' }, '404 Project Not Found'],
    [{ error: 'title is missing' }, 'title is missing'],
    [{ error: 'invalid_token', error_description: 'Token was revoked.' }, 'Token was revoked.'],
    [{ message: { error: 'This endpoint has been requested too many times. Try again later.' } }, 'This endpoint has been requested too many times. Try again later.'],
    [{ message: { assignee_ids: ['is invalid'] } }, 'assignee ids is invalid'],
    [{ message: ['one', 'two'] }, 'one; two'],
    ['  Retry later\n', 'Retry later'],
    [null, ''],
    [42, ''],
    [{}, ''],
  ])('%j → %j', (body, text) => {
    expect(gitlabMessage(body)).toBe(text);
  });
});

describe('errorFromNetwork', () => {
  it('a fetch TypeError is a network error naming the host', () => {
    const error = errorFromNetwork(new TypeError('Failed to fetch'), 'https://gitlab.example.com');
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect(error.message).toContain('https://gitlab.example.com');
    expectSentence(error.message);
  });

  it('a DOMException named TimeoutError is a timeout that warns a change may have been saved', () => {
    const error = errorFromNetwork(new DOMException('The operation timed out.', 'TimeoutError'), 'https://gitlab.com');
    expect(error).toMatchObject({ kind: 'timeout', status: 0 });
    expect(error.message).toContain(`${REQUEST_TIMEOUT_SECONDS} seconds`);
    expect(error.message).toMatch(/may have been saved/);
    expectSentence(error.message);
  });

  it('an AbortError is a timeout too', () => {
    expect(errorFromNetwork(new DOMException('aborted', 'AbortError'), 'https://gitlab.com').kind).toBe('timeout');
  });

  it('something that is not an Error is still a readable network error', () => {
    const error = errorFromNetwork('boom', 'https://gitlab.com');
    expect(error.kind).toBe('network');
    expectSentence(error.message);
  });
});

describe('the other errors', () => {
  it.each<[string, ApiError, ErrorKind]>([
    ['noTokenError', noTokenError(), 'no-token'],
    ['notJsonError', notJsonError(200), 'not-json'],
    ['extensionUpdatedError', extensionUpdatedError(), 'extension-updated'],
    ['invalidRequestError', invalidRequestError('ref.iid: expected a number.'), 'invalid-request'],
  ])('%s is plain JSON with a sentence', (_name, error, kind) => {
    expect(error.kind).toBe(kind);
    expectSentence(error.message);
    expect(JSON.parse(JSON.stringify(error))).toEqual(error);
  });

  it('no-token points to the options, extension-updated asks for a reload, not-json to signing in', () => {
    expect(noTokenError().message).toMatch(/token/);
    expect(noTokenError().message).toMatch(/options/);
    expect(extensionUpdatedError().message).toMatch(/[Rr]eload this page/);
    expect(notJsonError(200).message).toMatch(/sign in/);
  });

  it('asApiError keeps the info of a GitLabRequestError and wraps anything else', () => {
    const info = errorFromResponse(404, apiFixture('errors/404-record-not-found.json'));
    expect(asApiError(new GitLabRequestError(info))).toBe(info);
    const wrapped = asApiError(new Error('kaput'));
    expect(wrapped).toMatchObject({ kind: 'server', status: 0 });
    expect(wrapped.message).toContain('kaput');
    expect(asApiError('plain string').message).toContain('plain string');
  });

  it('GitLabRequestError carries the message as an Error', () => {
    const info = noTokenError();
    const error = new GitLabRequestError(info);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(info.message);
    expect(error.info).toBe(info);
  });
});
