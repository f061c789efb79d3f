import { describe, expect, it } from 'vitest';
import { respondingEngineer } from '@/lib/retro/roster-lookup';

const ROSTER = { 'sam-support': 'maria-manager', 'lee-lead': 'lina-leader', 'maria-manager': 'vp-support' };

describe('respondingEngineer', () => {
  it('takes the first assignee the roster knows, not a manager of another assignee', () => {
    expect(respondingEngineer(['maria-manager', 'sam-support'], ROSTER)).toBe('sam-support');
    expect(respondingEngineer(['sam-support', 'lee-lead'], ROSTER)).toBe('sam-support');
  });

  it('prefers the engineer whose manager is assigned already: retro-actions were applied for them', () => {
    expect(respondingEngineer(['sam-support', 'lee-lead', 'lina-leader'], ROSTER)).toBe('lee-lead');
    expect(respondingEngineer(['@Sam-Support', 'Maria-Manager'], ROSTER)).toBe('@Sam-Support');
  });

  it('falls back to the first assignee, or nobody', () => {
    expect(respondingEngineer(['someone-else', 'another'], ROSTER)).toBe('someone-else');
    expect(respondingEngineer([], ROSTER)).toBe('');
  });
});
