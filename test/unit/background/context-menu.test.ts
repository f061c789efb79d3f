import { describe, expect, it } from 'vitest';
import { MENU_ON_LINK, MENU_ON_PAGE, clickTarget, installMenus, menuItems, type MenuItem, type MenusApi } from '@/entrypoints/background/context-menu';
import { issueMenuPatterns } from '@/lib/gitlab/menu-patterns';

/** Like Chrome: creating an id that exists fails with "duplicate id"; both calls are asynchronous. */
class StrictMenus implements MenusApi {
  items = new Map<string, MenuItem>();
  errors: string[] = [];
  async removeAll() {
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.items.clear();
  }
  async create(item: MenuItem) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.items.has(item.id)) {
      this.errors.push(`Cannot create item with duplicate id ${item.id}`);
      throw new Error(this.errors.at(-1));
    }
    this.items.set(item.id, item);
  }
}

describe('context menu (C6)', () => {
  it('one page item and one link item, limited to issue URLs of the configured instance', () => {
    const patterns = issueMenuPatterns('https://gitlab.com');
    expect(menuItems('https://gitlab.com')).toEqual([
      { id: MENU_ON_PAGE, title: 'Suggest retro', contexts: ['page', 'selection'], documentUrlPatterns: patterns },
      { id: MENU_ON_LINK, title: 'Suggest retro for the linked issue', contexts: ['link'], targetUrlPatterns: patterns },
    ]);
  });

  it('installing again (worker restart, update, settings change, all at once) never meets a duplicate id', async () => {
    const menus = new StrictMenus();
    await Promise.all([installMenus(menus, 'https://gitlab.com'), installMenus(menus, 'https://gitlab.com'), installMenus(menus, 'https://git.example.com')]);
    await installMenus(menus, 'https://gitlab.com');
    expect(menus.errors).toEqual([]);
    expect([...menus.items.keys()]).toEqual([MENU_ON_PAGE, MENU_ON_LINK]);
  });

  it('follows a changed GitLab URL', async () => {
    const menus = new StrictMenus();
    await installMenus(menus, 'https://gitlab.com');
    await installMenus(menus, 'https://git.example.com');
    expect(menus.items.get(MENU_ON_LINK)!.targetUrlPatterns![0]).toMatch(/^https:\/\/git\.example\.com\//);
  });

  it('a click on a link is about the link; on the page, about the page; both keep the selection', () => {
    const pageUrl = 'https://gitlab.com/g/p/-/issues/1';
    const linkUrl = 'https://gitlab.com/g/p/-/issues/2';
    expect(clickTarget({ menuItemId: MENU_ON_LINK, pageUrl, linkUrl, selectionText: 'why' })).toEqual({ url: linkUrl, selection: 'why' });
    expect(clickTarget({ menuItemId: MENU_ON_PAGE, pageUrl, selectionText: 'why' })).toEqual({ url: pageUrl, selection: 'why' });
    expect(clickTarget({ menuItemId: 'someone-else', pageUrl })).toBeNull();
  });
});
