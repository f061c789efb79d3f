import { describe, expect, it } from 'vitest';
import { checkInComment, followUpDescription, followUpMarker, followUpTitle } from '@/lib/retro/follow-up-text';
import { isOpenItem, findingProblem, type Finding } from '@/lib/retro/findings';

const emergency = { reference: 'gitlab-com/support/readiness/emergencies#1', webUrl: 'https://gitlab.com/gitlab-com/support/readiness/emergencies/-/issues/1', title: 'Geo stalled' };
const finding: Finding = { id: 'fabc', list: 'suggestions', text: '/close this\nPing @maria-manager about *docs* | tables', type: 'bug', state: 'open' };

describe('follow-up text', () => {
  it('links the emergency, quotes the finding as text and carries the hidden marker', () => {
    const description = followUpDescription(finding, emergency);
    expect(description).toContain(emergency.webUrl);
    expect(description).toContain(followUpMarker(emergency.reference, 'fabc'));
    // A quoted line never starts a quick action, mentions nobody, and shows markup characters as typed.
    expect(description).toContain('> /close this');
    expect(description).not.toMatch(/^\/close/m);
    expect(description).toContain('@\u200bmaria-manager');
    expect(description).toContain('\\*docs\\* \\| tables');
  });

  it('the check-in comment quotes the finding and links back', () => {
    const comment = checkInComment(finding, emergency);
    expect(comment).toContain(emergency.webUrl);
    expect(comment).toContain(followUpMarker(emergency.reference, 'fabc'));
  });

  it('titles come from the first line, shortened at a word', () => {
    expect(followUpTitle(finding)).toBe('/close this');
    const long = followUpTitle({ ...finding, text: 'word '.repeat(60) });
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('…')).toBe(true);
  });

  it('titles notify and cross-reference nobody, and are never cut through an emoji', () => {
    const title = followUpTitle({ ...finding, text: '@all customers on @gitlab-com/support saw #123 and !45 fail' });
    expect(title).toBe('@\u200ball customers on @\u200bgitlab-com/support saw #\u200b123 and !\u200b45 fail');
    const cut = followUpTitle({ ...finding, text: `${'a'.repeat(118)}😀😀 tail` });
    expect(cut).toBe(`${'a'.repeat(118)}…`);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
  });
});

describe('findings', () => {
  it('open items: open questions, and actionable findings without follow-up or decision', () => {
    expect(isOpenItem({ ...finding, list: 'openQuestions', type: undefined })).toBe(true);
    expect(isOpenItem({ ...finding, list: 'wentWell' })).toBe(false);
    expect(isOpenItem({ ...finding, type: 'no-action', reason: 'rare' })).toBe(false);
    expect(isOpenItem({ ...finding, state: 'done' })).toBe(false);
  });

  it('says what is missing', () => {
    expect(findingProblem({ ...finding, text: ' ' })).toMatch(/Write/);
    expect(findingProblem({ ...finding, type: 'no-action' })).toMatch(/why/);
    expect(findingProblem({ ...finding, text: 'x'.repeat(2001) })).toMatch(/under 2000/);
    expect(findingProblem(finding)).toBeNull();
  });
});
