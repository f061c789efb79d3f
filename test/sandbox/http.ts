/** Small reply builders and request-parameter parsing shared by the API and page routes. */
import type { Incoming, Reply } from './types.ts';

/** Absolute URLs always point at gitlab.com: Chromium reaches the sandbox under that name. */
export const ORIGIN = 'https://gitlab.com';

export const json = (status: number, data: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(data),
});

export const html = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  body,
});

export type Params = Record<string, unknown>;

/** Query-string params the way Grape sees them: `a[]=1&a[]=2` becomes an array under `a`. */
export function searchParams(sp: URLSearchParams): Params {
  const out: Params = {};
  for (const [rawKey, value] of sp) {
    if (rawKey.endsWith('[]')) {
      const key = rawKey.slice(0, -2);
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, value] : [value];
    } else {
      out[rawKey] = value;
    }
  }
  return out;
}

/** Query string merged with a JSON or form body (body wins), as GitLab accepts both. */
export function requestParams(req: Incoming): Params | { invalidJson: true } {
  const params = searchParams(req.url.searchParams);
  const type = String(req.headers['content-type'] ?? '');
  const text = req.body.trim();
  if (!text) return params;
  if (type.includes('json') || text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { ...params, ...(parsed as Params) };
    } catch {
      /* fall through */
    }
    return { invalidJson: true };
  }
  if (type.includes('x-www-form-urlencoded')) return { ...params, ...searchParams(new URLSearchParams(text)) };
  return params;
}

/** Offset pagination with GitLab's headers (see api/errors/pagination-headers-example.http). */
export function paginate<T>(items: T[], url: URL): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 20));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const link = (p: number): string => {
    const u = new URL(url.pathname + url.search, ORIGIN);
    u.searchParams.set('page', String(p));
    u.searchParams.set('per_page', String(perPage));
    return u.toString();
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`<${link(Math.min(page - 1, totalPages))}>; rel="prev"`);
  if (page < totalPages) rels.push(`<${link(page + 1)}>; rel="next"`);
  rels.push(`<${link(1)}>; rel="first"`, `<${link(totalPages)}>; rel="last"`);
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: {
      link: rels.join(', '),
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-total': String(items.length),
      'x-total-pages': String(totalPages),
      'x-next-page': page < totalPages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(Math.min(page - 1, totalPages)) : '',
    },
  };
}
