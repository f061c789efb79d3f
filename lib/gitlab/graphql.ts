/** GitLab's GraphQL answers: `data` when it worked; `errors` (HTTP 200!) turned into a readable rejection. */
import { GitLabRequestError, notJsonError } from './errors';

export function graphqlData<T>(body: unknown): T {
  if (!body || typeof body !== 'object') throw new GitLabRequestError(notJsonError(200));
  const { data, errors } = body as { data?: unknown; errors?: { message?: unknown }[] };
  if (Array.isArray(errors) && errors.length) {
    const message = errors.map((e) => String(e?.message ?? 'unknown error')).join('; ');
    throw new GitLabRequestError({ kind: 'rejected', status: 200, message: `GitLab refused the request: ${message}. Fix that and try again.` });
  }
  if (!data || typeof data !== 'object') throw new GitLabRequestError(notJsonError(200));
  return data as T;
}
