/**
 * gitbeaker's own request handler retries 429 and 502 up to ten times, POSTs included, and
 * ignores Retry-After (case C10). This one sends each request exactly once, with a timeout,
 * and turns every failure into a GitLabRequestError with a readable message.
 */
import { createRequesterFn, type RequestOptions } from '@gitbeaker/requester-utils';
import { GitLabRequestError, REQUEST_TIMEOUT_SECONDS, errorFromNetwork, errorFromResponse, notJsonError } from './errors';

interface HandlerOptions extends RequestOptions {
  prefixUrl?: string;
  searchParams?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | FormData;
}

function isJson(response: Response): boolean {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!isJson(response)) return text;
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

export async function sendOnce(endpoint: string, options: HandlerOptions = {}) {
  const base = options.prefixUrl?.endsWith('/') ? options.prefixUrl : `${options.prefixUrl ?? ''}/`;
  const url = new URL(endpoint, base);
  url.search = options.searchParams ?? '';
  // A failed read changed nothing, and its message says so; a failed write may have.
  const write = !['GET', 'HEAD'].includes((options.method ?? 'GET').toUpperCase());
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_SECONDS * 1000),
      // The token is the only credential: GitLab session cookies must not ride along.
      credentials: 'omit',
    });
  } catch (error) {
    throw new GitLabRequestError(errorFromNetwork(error, url.origin, write));
  }
  if (!response.ok) {
    const body = await readBody(response).catch(() => '');
    throw new GitLabRequestError(errorFromResponse(response.status, body, response.headers.get('retry-after'), write));
  }
  // An SSO or proxy login page answers 200 with HTML: that is not GitLab's API speaking.
  if (response.status !== 204 && !isJson(response)) throw new GitLabRequestError(notJsonError(response.status));
  let body: unknown = null;
  try {
    body = response.status === 204 ? null : await response.json();
  } catch {
    throw new GitLabRequestError(notJsonError(response.status));
  }
  return { body, headers: Object.fromEntries(response.headers.entries()), status: response.status } as never;
}

export const singleShotRequester = createRequesterFn((_service, options) => Promise.resolve(options), sendOnce);
