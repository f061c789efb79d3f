/**
 * Every GitLab selector the product relies on, in one place. Matched against the skeletons of
 * GitLab 18.x pages (../shared/gitlab/pages) and tested on the committed copies in test/fixtures.
 */

/** Classic issue and incident pages (`shared/issuable/_sidebar.html.haml`): the right sidebar's content column. */
const CLASSIC_SIDEBAR = 'aside.js-right-sidebar .issuable-sidebar';
/** Older or trimmed sidebars without the inner column. */
const CLASSIC_SIDEBAR_OUTER = 'aside.js-issuable-sidebar';
/** Work-item view (`work_item_detail.vue`): the tag changed between aside and section, so match the testid only. */
const WORK_ITEM_SIDEBAR = '[data-testid="work-item-overview-right-sidebar"]';

export type PageLayout = 'classic' | 'work-item' | 'floating';

export interface PanelAnchor {
  layout: PageLayout;
  element: Element;
  /** The panel goes right after this child (GitLab's own sidebar header), else first. */
  after: Element | null;
}

/** Classic sidebar header with GitLab's collapse toggle: it stays on top. */
const CLASSIC_HEADER = ':scope > .issuable-sidebar-header';

/** Where the panel goes: the sidebar of either layout, else `null` (the caller floats it). */
export function findPanelAnchor(doc: Document): PanelAnchor | null {
  const workItem = doc.querySelector(WORK_ITEM_SIDEBAR);
  if (workItem) return { layout: 'work-item', element: workItem, after: null };
  const classic = doc.querySelector(CLASSIC_SIDEBAR) ?? doc.querySelector(CLASSIC_SIDEBAR_OUTER);
  if (classic) return { layout: 'classic', element: classic, after: classic.querySelector(CLASSIC_HEADER) };
  return null;
}

/**
 * GitLab's theme classes: `gl-dark` on `<html>` (current) or `<body>` (older instances);
 * `gl-system` follows the operating system (case C17).
 */
export function prefersDarkTheme(doc: Document, systemDark: boolean): boolean {
  const classes = [doc.documentElement.classList, doc.body?.classList];
  if (classes.some((list) => list?.contains('gl-dark'))) return true;
  if (classes.some((list) => list?.contains('gl-light'))) return false;
  return classes.some((list) => list?.contains('gl-system')) && systemDark;
}
