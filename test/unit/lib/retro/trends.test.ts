import { describe, expect, it } from 'vitest';
import { followUpType, followUpsByType, lastMonths, perMonth, trendStart } from '@/lib/retro/trends';
import { followUpDescription } from '@/lib/retro/follow-up-text';
import type { FollowUpType } from '@/lib/retro/findings';

const NOW = new Date(2025, 2, 15, 12, 0);
const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).toISOString();

describe('trends', () => {
  it('the last six months end with this month, across a year boundary', () => {
    expect(lastMonths(NOW)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
  });

  it('the trend starts on the first day of the oldest month, local time', () => {
    expect(trendStart(NOW)).toEqual(new Date(2024, 9, 1));
  });

  it('counts per month and leaves out anything older or unreadable', () => {
    const months = lastMonths(NOW);
    expect(perMonth([at(2025, 3, 1), at(2025, 3, 14), at(2024, 10, 3), at(2024, 9, 30), 'nope'], months)).toEqual([1, 0, 0, 0, 0, 2]);
  });

  it.each([
    [['customer-retro', 'type::bug'], 'bug'],
    [['customer-retro', 'bug', 'group::geo'], 'bug'],
    [['customer-retro', 'type::feature'], 'feature'],
    [['customer-retro', 'documentation'], 'documentation'],
    [['customer-retro', 'handbook'], 'process'],
    [['customer-retro'], 'other'],
  ])('%j is a %s follow-up', (labels, type) => {
    expect(followUpType(labels)).toBe(type);
  });

  describe('follow-ups the extension created, with the default (empty) knowledge-base and handbook labels', () => {
    const emergency = { reference: 'gitlab-com/support/readiness/emergencies#1', webUrl: 'https://gitlab.com/x', title: 'Down' };
    const created = (type: FollowUpType) => followUpDescription({ id: 'fabcd1', list: 'suggestions', text: 'Write it down', type, state: 'open' }, emergency);

    it.each([
      ['kb-article', 'documentation'],
      ['handbook', 'process'],
      ['bug', 'bug'],
      ['feature', 'feature'],
    ] as const)('a %s follow-up with only customer-retro is a %s follow-up', (type, expected) => {
      expect(followUpType(['customer-retro'], created(type))).toBe(expected);
    });

    it('a label the team gave still wins; an issue the extension did not write stays "other"', () => {
      expect(followUpType(['customer-retro', 'type::bug'], created('kb-article'))).toBe('bug');
      expect(followUpType(['customer-retro'], 'New knowledge-base article, written by hand')).toBe('other');
      expect(followUpType(['customer-retro'], null)).toBe('other');
    });

    it('counted per month by that kind', () => {
      const series = followUpsByType([
        { createdAt: at(2025, 3, 2), labels: ['customer-retro'], description: created('kb-article') },
        { createdAt: at(2025, 3, 3), labels: ['customer-retro'], description: created('handbook') },
      ], lastMonths(NOW));
      expect([series.documentation.at(-1), series.process.at(-1), series.other.at(-1)]).toEqual([1, 1, 0]);
    });
  });

  it('follow-ups by type per month', () => {
    const months = lastMonths(NOW);
    const series = followUpsByType([
      { createdAt: at(2025, 3, 2), labels: ['type::bug'] },
      { createdAt: at(2025, 3, 3), labels: ['type::bug'] },
      { createdAt: at(2025, 1, 3), labels: ['handbook'] },
    ], months);
    expect(series.bug).toEqual([0, 0, 0, 0, 0, 2]);
    expect(series.process).toEqual([0, 0, 0, 1, 0, 0]);
    expect(series.other).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
