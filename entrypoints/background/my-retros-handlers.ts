/**
 * The popup's data: my open retros, one paged query per label (case C12: assigned_to_me), so the
 * number of requests does not grow with the number of projects. Results are cached for the next open.
 */
import type { MyRetrosCache, MyRetrosView, RequestOf, RetroLabelKey } from '@/lib/messaging';
import type { GitLabGateway } from '@/lib/gitlab/gateway';
import type { GitLabIssue } from '@/lib/gitlab/types';
import { labelAppliedAt, retroItemOf } from '@/lib/gitlab/retro-item-of';
import { hasLabel } from '@/lib/retro/labels';
import { isOverdue, mergeByKey } from '@/lib/retro/my-retros';
import type { RetroItem } from '@/lib/retro/retro-item';
import { settingsItem, tokenItem, type Settings } from '@/lib/settings';
import { myRetrosItem, retroActionsAppliedItem, type AppliedAt } from '@/lib/retro-cache';
import { connect, type BackgroundDeps } from './context';

export const MY_RETROS_PER_PAGE = 20;
const LABEL_KEYS: RetroLabelKey[] = ['retro', 'retroActions'];

const originOf = (gitlabUrl: string) => new URL(gitlabUrl).origin;

/** The cache as the popup may show it: only for the instance configured now, only with a token. */
export async function cachedMyRetros(): Promise<MyRetrosView> {
  const [settings, token, cache] = await Promise.all([settingsItem.getValue(), tokenItem.getValue(), myRetrosItem.getValue()]);
  const usable = token !== '' && cache?.instance === originOf(settings.gitlabUrl) ? cache : null;
  return { configured: token !== '', cache: usable, labels: settings.labels };
}

/** Soonest due first (undated last): what is overdue is on the first page. */
function labelPage(gateway: GitLabGateway, settings: Settings, key: RetroLabelKey, page: number) {
  return gateway.listIssues({ scope: 'assigned_to_me', labels: settings.labels[key], state: 'opened', orderBy: 'due_date', sort: 'asc' }, page, MY_RETROS_PER_PAGE);
}

/** Pages read at most while every retro on them is overdue: the badge counts them all (up to 100 a label). */
const MAX_OVERDUE_PAGES = 5;

/** The first page of a label, and further pages while a whole page is overdue (the badge needs them all). */
async function firstPages(gateway: GitLabGateway, settings: Settings, key: RetroLabelKey, now: Date) {
  let page = await labelPage(gateway, settings, key, 1);
  const items = [...page.items];
  for (let read = 1; page.nextPage && read < MAX_OVERDUE_PAGES && page.items.every((issue) => isOverdue({ dueDate: issue.due_date }, now)); read += 1) {
    page = await labelPage(gateway, settings, key, page.nextPage);
    items.push(...page.items);
  }
  return { items, nextPage: page.nextPage };
}

/**
 * Adds "when was retro-actions applied" from label events: one request per issue the first time it
 * is shown, and again only once the issue changed (its `updated_at`), as when the label was removed
 * and added back.
 */
async function withAppliedDates(gateway: GitLabGateway, settings: Settings, issues: GitLabIssue[]): Promise<RetroItem[]> {
  const label = settings.labels.retroActions;
  const known = await retroActionsAppliedItem.getValue();
  const items = issues.map((issue) => retroItemOf(issue, settings.gitlabUrl));
  const cacheKey = (item: RetroItem) => `${originOf(settings.gitlabUrl)}/${item.key.toLowerCase()}`;
  const current = (item: RetroItem) => (known[cacheKey(item)]?.updatedAt === item.updatedAt ? known[cacheKey(item)] : undefined);
  const missing = items.filter((item) => hasLabel(item.labels, label) && !current(item));
  const found: Record<string, AppliedAt> = {};
  await Promise.all(missing.map(async (item) => {
    const at = labelAppliedAt(await gateway.labelEvents(item.projectPath, item.iid), label);
    if (at) found[cacheKey(item)] = { at, updatedAt: item.updatedAt };
  }));
  if (Object.keys(found).length) await retroActionsAppliedItem.setValue({ ...known, ...found });
  return items.map((item) => (hasLabel(item.labels, label) ? { ...item, retroActionsAppliedAt: (found[cacheKey(item)] ?? current(item))?.at ?? null } : item));
}

async function store(settings: Settings, cache: Omit<MyRetrosCache, 'instance'>): Promise<MyRetrosView> {
  const full = { ...cache, instance: originOf(settings.gitlabUrl) };
  await myRetrosItem.setValue(full);
  return { configured: true, cache: full, labels: settings.labels };
}

/** First page of each label query, in parallel; replaces the cache. */
export async function refreshMyRetros(deps: BackgroundDeps): Promise<MyRetrosView> {
  const { settings, gateway } = await connect(deps);
  const pages = await Promise.all(LABEL_KEYS.map((key) => firstPages(gateway, settings, key, deps.now())));
  // An issue with both labels comes back from both queries: list it once.
  const issues = [...new Map(pages.flatMap((page) => page.items).map((issue) => [issue.id, issue])).values()];
  const items = await withAppliedDates(gateway, settings, issues);
  return store(settings, {
    items,
    next: { retro: pages[0]!.nextPage, retroActions: pages[1]!.nextPage },
    fetchedAt: deps.now().toISOString(),
  });
}

/**
 * "Show more": the next page of one label query, added to what the popup shows. The page before
 * it is read again too: an issue closed since the last read shifts the pages, and the issue that
 * moved back across the boundary would otherwise never be shown (duplicates merge away).
 */
export async function moreMyRetros(deps: BackgroundDeps, { label, page }: RequestOf<'myretros:more'>): Promise<MyRetrosView> {
  const { settings, gateway } = await connect(deps);
  const [previous, result] = await Promise.all([labelPage(gateway, settings, label, page - 1), labelPage(gateway, settings, label, page)]);
  const added = await withAppliedDates(gateway, settings, [...previous.items, ...result.items]);
  const cache = (await cachedMyRetros()).cache;
  return store(settings, {
    items: mergeByKey(cache?.items ?? [], added),
    next: { ...(cache?.next ?? { retro: null, retroActions: null }), [label]: result.nextPage },
    fetchedAt: cache?.fetchedAt ?? deps.now().toISOString(),
  });
}
