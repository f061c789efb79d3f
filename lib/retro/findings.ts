/**
 * What a retro records (handbook: went well, could have gone better, suggestions, open questions)
 * and what each actionable finding turns into. Plain data: it is saved as a draft and rendered
 * into the retro notes.
 */
export const FINDING_LISTS = ['wentWell', 'couldBeBetter', 'suggestions', 'openQuestions'] as const;
export type FindingList = (typeof FINDING_LISTS)[number];

export const LIST_TITLES: Record<FindingList, string> = {
  wentWell: 'What went well',
  couldBeBetter: 'What could have gone better',
  suggestions: 'Suggestions',
  openQuestions: 'Open questions',
};

/** The handbook's possible findings, plus "a real problem, but not worth solving now". */
export const FOLLOW_UP_TYPES = ['bug', 'feature', 'pm-checkin', 'kb-article', 'handbook', 'no-action'] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

export const FOLLOW_UP_TITLES: Record<FollowUpType, string> = {
  bug: 'New bug issue',
  feature: 'New feature proposal',
  'pm-checkin': 'Check-in with the PM on an existing issue',
  'kb-article': 'New knowledge-base article',
  handbook: 'Handbook or process update',
  'no-action': 'No action: a real problem, not worth solving now',
};

/** Follow-ups that create a new issue in the project configured for their type. */
export const CREATES_ISSUE: ReadonlySet<FollowUpType> = new Set(['bug', 'feature', 'kb-article', 'handbook']);

export type FindingState = 'open' | 'done';

export interface FollowUpLink {
  /** `group/project#123` */
  reference: string;
  webUrl: string;
  kind: 'created' | 'check-in';
}

export interface Finding {
  id: string;
  list: FindingList;
  text: string;
  type?: FollowUpType;
  /** Why no action: required for the no-action type. */
  reason?: string;
  owner?: string;
  state: FindingState;
  followUp?: FollowUpLink;
  /** A PM check-in's issue as typed (URL or reference), kept until it is posted. */
  checkInTarget?: string;
}

export const MAX_FINDING_LENGTH = 2_000;

export const isActionableList = (list: FindingList): boolean => list !== 'wentWell';

/** Still needs someone: an open question, or an actionable finding not done and not declined. */
export function isOpenItem(finding: Finding): boolean {
  if (finding.state === 'done' || !finding.text.trim()) return false;
  if (finding.list === 'openQuestions') return true;
  return isActionableList(finding.list) && finding.type !== 'no-action' && !finding.followUp;
}

export function findingProblem(finding: Finding): string | null {
  if (!finding.text.trim()) return 'Write what you found.';
  if (finding.text.length > MAX_FINDING_LENGTH) return `Keep a finding under ${MAX_FINDING_LENGTH} characters; link to details instead.`;
  if (finding.type === 'no-action' && !finding.reason?.trim()) return 'Say why this is not worth solving now.';
  return null;
}

export function newFindingId(now: Date, random: () => number = Math.random): string {
  return `f${now.getTime().toString(36)}${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}
