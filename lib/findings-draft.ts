/** The findings' draft: the retro's lists, as typed. */
import type { Finding } from './retro/findings';

export interface FindingsDraftData {
  findings: Finding[];
}

export interface FindingsDraft {
  kind: 'findings';
  data: FindingsDraftData;
}

export const emptyFindingsDraft = (): FindingsDraftData => ({ findings: [] });
