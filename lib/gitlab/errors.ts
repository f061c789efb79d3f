/**
 * Every failure the product can meet, as plain JSON (it crosses extension messaging, case C7),
 * with a human message that says what to do next.
 */
export type ErrorKind =
  | 'no-token'
  | 'unauthorized'
  | 'insufficient-scope'
  | 'forbidden'
  | 'not-found'
  | 'rejected'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'not-json'
  | 'extension-updated'
  | 'invalid-request'
  | 'not-configured'
  /** The draft was saved in another tab after this one loaded it: nothing was sent. */
  | 'stale-draft';

export interface ApiError {
  kind: ErrorKind;
  /** HTTP status when GitLab answered, else 0. */
  status: number;
  message: string;
  /** Seconds to wait before trying again (429 only). */
  retryAfter?: number;
}

/**
 * A write that failed this way may still have been stored: GitLab answered 5xx after saving, or the
 * answer never came. Any other failure means GitLab refused it, or it was never sent.
 */
export const mayHaveBeenStored = (error: ApiError): boolean => error.kind === 'server' || error.kind === 'timeout' || error.kind === 'network';

/** Thrown inside the background worker; turned into `ApiError` JSON before it crosses messaging. */
export class GitLabRequestError extends Error {
  constructor(readonly info: ApiError) {
    super(info.message);
  }
}

export const REQUEST_TIMEOUT_SECONDS = 25;
const DEFAULT_RETRY_AFTER_SECONDS = 60;

export function noTokenError(): ApiError {
  return {
    kind: 'no-token',
    status: 0,
    message: 'Connect the extension to GitLab first: add a personal access token in the options.',
  };
}

/** GitLab's error bodies come as `{message: string | {field: [..]}}` or `{error: string}`: flatten them to one sentence. */
export function gitlabMessage(body: unknown): string {
  if (typeof body === 'string') return body.trim().slice(0, 300);
  if (!body || typeof body !== 'object') return '';
  const record = body as Record<string, unknown>;
  const raw = record.message ?? record.error_description ?? record.error;
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) return raw.map(String).join('; ');
  if (raw && typeof raw === 'object') {
    return Object.entries(raw as Record<string, unknown>)
      .map(([field, value]) => {
        const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
        return field === 'error' || field === 'base' ? text : `${field.replaceAll('_', ' ')} ${text}`;
      })
      .join('; ');
  }
  return '';
}

export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number {
  if (!value) return DEFAULT_RETRY_AFTER_SECONDS;
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value));
  // An HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"); anything else gets the default.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  return DEFAULT_RETRY_AFTER_SECONDS;
}

/** The sentence a rate-limit message starts with; the panel counts it down in place. */
export const rateLimitSentence = (seconds: number): string => `GitLab is rate limiting your requests. Try again in ${seconds} s.`;

/**
 * Maps a GitLab HTTP error answer to what the user should read and do. `write`: the request could
 * have changed something (anything but GET and HEAD), so a failure may hide a change GitLab made.
 */
export function errorFromResponse(status: number, body: unknown, retryAfterHeader?: string | null, write = true): ApiError {
  const detail = gitlabMessage(body);
  const isScopeError = typeof body === 'object' && body !== null && (body as { error?: unknown }).error === 'insufficient_scope';
  if (status === 401) {
    // GitLab says which when it knows ("Token is expired. …", "Token was revoked. …"); a bare 401 does not.
    const why = /\bexpired\b/i.test(detail) ? 'the token has expired' : /\brevoked\b/i.test(detail) ? 'the token was revoked' : '';
    return { kind: 'unauthorized', status, message: why
      ? `GitLab rejected the token: ${why}. Create a new token and save it in the options.`
      : 'GitLab rejected the token: it is invalid, expired or revoked. Create a new token and save it in the options.' };
  }
  if (status === 403 && isScopeError) {
    return { kind: 'insufficient-scope', status, message: `Your token needs the api scope ${write ? 'to change issues' : 'for this'}. Create a token with the api scope and save it in the options.` };
  }
  if (status === 403) {
    return { kind: 'forbidden', status, message: `GitLab says you are not allowed to do this${detail ? ` (${detail})` : ''}. Ask a maintainer of the project for access.` };
  }
  if (status === 404) {
    return { kind: 'not-found', status, message: 'GitLab says not found, or you have no access. Check the project and issue, and that your GitLab account can see them.' };
  }
  if (status === 429) {
    const retryAfter = parseRetryAfter(retryAfterHeader);
    return { kind: 'rate-limited', status, retryAfter, message: rateLimitSentence(retryAfter) };
  }
  if (status >= 500) {
    return { kind: 'server', status, message: write
      ? `GitLab answered with an error (${status}). A change may or may not have been saved: check the issue, then try again in a minute.`
      : `GitLab answered with an error (${status}). This was only a read, so nothing changed on GitLab: try again in a minute.` };
  }
  return { kind: 'rejected', status, message: `GitLab refused the request: ${detail || `HTTP ${status}`}. Fix that and try again.` };
}

export function errorFromNetwork(error: unknown, host: string, write = true): ApiError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { kind: 'timeout', status: 0, message: `GitLab did not answer within ${REQUEST_TIMEOUT_SECONDS} seconds. ${write ? 'Check the issue before trying again: a change may have been saved.' : 'This was only a read, so nothing changed on GitLab: try again in a minute.'}` };
  }
  return { kind: 'network', status: 0, message: `Could not reach GitLab at ${host}. Check your connection, VPN or the GitLab URL in the options, then try again.` };
}

export function notJsonError(status: number): ApiError {
  return {
    kind: 'not-json',
    status,
    message: 'GitLab answered with a web page instead of data, usually a single sign-on or proxy login. Open GitLab in a tab, sign in, then try again.',
  };
}

export function extensionUpdatedError(): ApiError {
  return { kind: 'extension-updated', status: 0, message: 'The extension was updated or reloaded. Reload this page to continue.' };
}

export function invalidRequestError(detail: string): ApiError {
  return { kind: 'invalid-request', status: 0, message: `The request was not valid: ${detail}` };
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof GitLabRequestError) return error.info;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'server', status: 0, message: `Something went wrong: ${message}` };
}
