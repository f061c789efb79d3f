import { describe, expect, it } from 'vitest';
import { tokenWarnings } from '@/lib/gitlab/token-warnings';

/** 23:30 local: a calendar day is the user's, not UTC's. */
const NOW = new Date(2025, 2, 8, 23, 30, 0);
const api = (expiresAt: string | null) => ({ scopes: ['api'], expiresAt });

describe('tokenWarnings, worked out on the day it is shown', () => {
  it.each([
    ['2025-03-09', 'expires on 2025-03-09, in 1 day.'],
    ['2025-03-15', 'in 7 days'],
    ['2025-03-08', 'expires today'],
    ['2025-03-01', 'expired on 2025-03-01'],
  ])('expires %s → "%s"', (expiresAt, text) => {
    expect(tokenWarnings(api(expiresAt), NOW).join(' ')).toContain(text);
  });

  it('no warning with api and more than a week left, nor for a token that never expires', () => {
    expect(tokenWarnings(api('2025-03-16'), NOW)).toEqual([]);
    expect(tokenWarnings(api(null), NOW)).toEqual([]);
  });

  it('the same saved token warns once the days have passed, and counts down', () => {
    expect(tokenWarnings(api('2025-12-07'), NOW)).toEqual([]);
    expect(tokenWarnings(api('2025-12-07'), new Date(2025, 11, 1, 8, 0))).toEqual([expect.stringContaining('in 6 days')]);
    expect(tokenWarnings(api('2025-12-07'), new Date(2025, 11, 6, 8, 0))).toEqual([expect.stringContaining('in 1 day.')]);
  });

  it('a token without the api scope works read-only', () => {
    expect(tokenWarnings({ scopes: ['read_api'], expiresAt: null }, NOW)).toEqual([expect.stringMatching(/lacks the api scope: the extension works read-only/)]);
  });
});
