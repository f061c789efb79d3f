/**
 * The "Suggest retro" menu items (case C6). Created with remove-then-create, one at a time, so
 * worker restarts, updates and a changed GitLab URL never meet a "duplicate id" error. Two items:
 * one on issue pages (page or selection), one on links to issues from any page.
 */
import { issueMenuPatterns } from '@/lib/gitlab/menu-patterns';

export const MENU_ON_PAGE = 'suggest-retro-page';
export const MENU_ON_LINK = 'suggest-retro-link';
export const MENU_TITLE = 'Suggest retro';
/** On a link inside an issue both items show: this one says which issue it means. */
export const MENU_LINK_TITLE = 'Suggest retro for the linked issue';

export interface MenuItem {
  id: string;
  title: string;
  contexts: ('page' | 'selection' | 'link')[];
  documentUrlPatterns?: string[];
  targetUrlPatterns?: string[];
}

/** The part of `contextMenus` used here, so tests can hand in a strict fake. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(item: MenuItem): Promise<void>;
}

export interface MenuClick {
  menuItemId: string | number;
  pageUrl?: string;
  linkUrl?: string;
  selectionText?: string;
}

export function menuItems(gitlabUrl: string): MenuItem[] {
  const patterns = issueMenuPatterns(gitlabUrl);
  if (patterns.length === 0) return [];
  return [
    { id: MENU_ON_PAGE, title: MENU_TITLE, contexts: ['page', 'selection'], documentUrlPatterns: patterns },
    { id: MENU_ON_LINK, title: MENU_LINK_TITLE, contexts: ['link'], targetUrlPatterns: patterns },
  ];
}

let queue: Promise<void> = Promise.resolve();

/** Serialised: onInstalled, onStartup and a settings change may all ask at once. */
export function installMenus(menus: MenusApi, gitlabUrl: string): Promise<void> {
  queue = queue.then(async () => {
    await menus.removeAll();
    for (const item of menuItems(gitlabUrl)) await menus.create(item);
  }).catch((error: unknown) => console.error('[emergency-retro] context menu:', error));
  return queue;
}

/** Which issue URL and reason a click is about; null for clicks on other items. */
export function clickTarget(click: MenuClick): { url: string; selection?: string } | null {
  if (click.menuItemId === MENU_ON_LINK && click.linkUrl) return { url: click.linkUrl, selection: click.selectionText };
  if (click.menuItemId === MENU_ON_PAGE && click.pageUrl) return { url: click.pageUrl, selection: click.selectionText };
  return null;
}
