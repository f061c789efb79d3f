/** The findings' draft: the retro's lists, as typed. */
import type { Finding } from './retro/findings';

export interface FindingsDraftData {
  findings: Finding[];
  /** The retro lead for the retro notes, as typed. */
  lead?: string;
  /** The responding support engineer, once typed (else the panel picks one from the assignees). */
  engineer?: string;
}

export interface FindingsDraft {
  kind: 'findings';
  data: FindingsDraftData;
}

export const emptyFindingsDraft = (): FindingsDraftData => ({ findings: [] });

/** Findings a draft holds at most (the draft schema refuses more). */
export const FINDINGS_MAX = 500;

/**
 * Both tabs' findings in one, for "Keep both": every finding of mine, then theirs that mine lacks,
 * unless this tab removed it (it was in `base`, the version this tab started from). Mine wins where
 * both edited one finding.
 */
export function combineFindingsDrafts(mine: FindingsDraftData, theirs: FindingsDraftData, base: FindingsDraftData): FindingsDraftData {
  const known = new Set([...mine.findings, ...base.findings].map((finding) => finding.id));
  const added = theirs.findings.filter((finding) => !known.has(finding.id));
  // Within the draft's limit, theirs give way: every finding of mine stays.
  return { ...theirs, ...mine, findings: [...mine.findings, ...added.slice(0, Math.max(0, FINDINGS_MAX - mine.findings.length))] };
}
