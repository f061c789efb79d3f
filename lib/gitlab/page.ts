/** One page of a GitLab list, with what the paging headers said about the rest. */
export interface Page<T> {
  items: T[];
  page: number;
  /** From `x-total-pages`; null when GitLab leaves it out (lists over 10,000 items). */
  totalPages: number | null;
  nextPage: number | null;
}

interface PaginationInfo {
  current?: number;
  next?: number | null;
  totalPages?: number;
}

export function pageOf<T>(items: T[], info: PaginationInfo | undefined): Page<T> {
  const totalPages = Number.isFinite(info?.totalPages) && (info?.totalPages ?? 0) > 0 ? info!.totalPages! : null;
  return { items, page: info?.current ?? 1, totalPages, nextPage: info?.next ?? null };
}

/**
 * Every page, in order: the first says how many there are, the rest go out a few at a time.
 * Without a page count (GitLab omits it on huge lists) it follows `x-next-page` one by one.
 */
export async function allPages<T>(fetchPage: (page: number) => Promise<Page<T>>, concurrency = 4): Promise<T[]> {
  const first = await fetchPage(1);
  const pages: T[][] = [first.items];
  if (first.totalPages !== null) {
    const rest = Array.from({ length: first.totalPages - 1 }, (_, i) => i + 2);
    for (let i = 0; i < rest.length; i += concurrency) {
      const batch = await Promise.all(rest.slice(i, i + concurrency).map((page) => fetchPage(page)));
      pages.push(...batch.map((p) => p.items));
    }
    return pages.flat();
  }
  let next = first.nextPage;
  while (next !== null) {
    const page = await fetchPage(next);
    pages.push(page.items);
    next = page.nextPage;
  }
  return pages.flat();
}
