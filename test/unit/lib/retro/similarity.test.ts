import { describe, expect, it } from 'vitest';
import { searchTermsFor, similarTitles, titleSimilarity } from '@/lib/retro/similarity';

describe('title similarity', () => {
  it('finds the same problem written differently', () => {
    expect(titleSimilarity('Geo replication stalls after network change', 'Geo: replication stalled after a network change')).toBeGreaterThan(0.7);
    expect(titleSimilarity('Runner jobs stuck pending', 'runners: Jobs STUCK in pending')).toBeGreaterThan(0.5);
  });

  it('keeps unrelated titles apart', () => {
    expect(titleSimilarity('Geo replication stalls', 'Add dark mode to the settings page')).toBeLessThan(0.35);
    expect(titleSimilarity('', 'anything')).toBe(0);
  });

  it('ranks candidates above the threshold, best first', () => {
    const candidates = [
      { iid: 1, title: 'Improve docs for SAML' },
      { iid: 2, title: 'Geo replication stalled after network change' },
      { iid: 3, title: 'Geo replication stalls' },
    ];
    expect(similarTitles('Geo replication stalls after network change', candidates).map((c) => c.iid)).toEqual([2, 3]);
  });

  it('searches GitLab with the most telling words', () => {
    // Stems are fine: GitLab's search matches substrings.
    expect(searchTermsFor('The runner is stuck in the pending state', 2)).toBe('runner stuck');
  });
});
