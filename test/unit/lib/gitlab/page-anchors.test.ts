// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPanelAnchor, prefersDarkTheme } from '@/lib/gitlab/page-anchors';

/** GitLab's page skeletons (copied from ../shared/gitlab/pages), one per layout. */
const fixture = (name: string): Document =>
  new DOMParser().parseFromString(readFileSync(resolve('test/fixtures/gitlab-pages', name), 'utf8'), 'text/html');

describe('findPanelAnchor (case C16)', () => {
  it.each([
    ['classic-issue.html', 'classic'],
    ['incident.html', 'classic'],
    ['work-item-view-issue.html', 'work-item'],
    ['work-item.html', 'work-item'],
  ])('finds the right sidebar of %s', (name, layout) => {
    const anchor = findPanelAnchor(fixture(name));
    expect(anchor?.layout).toBe(layout);
    expect(anchor?.element.matches('.issuable-sidebar, aside.js-issuable-sidebar, [data-testid="work-item-overview-right-sidebar"]')).toBe(true);
  });

  it('returns null, without throwing, when GitLab changed its layout', () => {
    const doc = fixture('classic-issue.html');
    doc.querySelectorAll('aside').forEach((aside) => aside.remove());
    expect(findPanelAnchor(doc)).toBeNull();
  });
});

describe('prefersDarkTheme (case C17)', () => {
  const page = (htmlClass: string, bodyClass = '') =>
    new DOMParser().parseFromString(`<html class="${htmlClass}"><body class="${bodyClass}"></body></html>`, 'text/html');

  it.each([
    ['current gitlab.com: html.gl-dark', page('gl-dark'), false, true],
    ['older instances: body.gl-dark', page('', 'gl-dark'), false, true],
    ['light', page('gl-light'), true, false],
    ['System appearance on a dark OS', page('gl-system'), true, true],
    ['System appearance on a light OS', page('gl-system'), false, false],
    ['no theme class at all', page(''), true, false],
  ])('%s', (_name, doc, systemDark, dark) => {
    expect(prefersDarkTheme(doc, systemDark)).toBe(dark);
  });
});
