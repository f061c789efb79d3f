/** The words of a follow-up: its issue title and description, or the PM check-in comment. */
import { CREATES_ISSUE, FOLLOW_UP_TITLES, LIST_TITLES, type Finding, type FollowUpType } from './findings';
import { escapeInline, hiddenMarker, quoteBlock } from './markdown-inline';
import { shorten } from './shorten';

export interface EmergencyIssue {
  /** `group/project#123` */
  reference: string;
  webUrl: string;
  title: string;
}

const TITLE_MAX = 120;

export const followUpMarker = (emergencyReference: string, findingId: string): string =>
  hiddenMarker(`follow-up:${emergencyReference}:${findingId}`);

/**
 * The finding's first line, shortened at a word boundary (never through an emoji). GitLab reads
 * mentions and references in titles too: `@name`, `#12`, `!12` and `&12` get a zero-width space
 * after their sign, as in the description, so the title notifies and cross-references nobody.
 */
export function followUpTitle(finding: Finding): string {
  const firstLine = finding.text.trim().split(/\r\n?|\n/)[0]!.replace(/\s+/g, ' ').replace(/([@#!&])(?=[\w.-])/g, '$1\u200b');
  if (firstLine.length <= TITLE_MAX) return firstLine;
  const cut = shorten(firstLine, TITLE_MAX).slice(0, -1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** How a follow-up issue's description opens: the review page tells the kinds apart by it. */
export const followUpOpening = (type: FollowUpType): string => `${FOLLOW_UP_TITLES[type]} from the customer emergency retro of `;

/** The kind of follow-up issue the extension created, read from its description's opening; null for any other issue. */
export function createdFollowUpType(description: string | null | undefined): FollowUpType | null {
  return [...CREATES_ISSUE].find((type) => description?.startsWith(followUpOpening(type))) ?? null;
}

export function followUpDescription(finding: Finding, emergency: EmergencyIssue): string {
  return [
    `${followUpOpening(finding.type ?? 'bug')}${emergency.reference}.`,
    '',
    `**${LIST_TITLES[finding.list]}:**`,
    '',
    quoteBlock(finding.text),
    '',
    `Emergency issue: ${emergency.webUrl}`,
    '',
    followUpMarker(emergency.reference, finding.id),
  ].join('\n');
}

export function checkInComment(finding: Finding, emergency: EmergencyIssue): string {
  return [
    `Check-in from the customer emergency retro of ${emergency.reference} (${escapeInline(emergency.title)}):`,
    '',
    quoteBlock(finding.text),
    '',
    `Could you tell us where this stands? Emergency issue: ${emergency.webUrl}`,
    '',
    followUpMarker(emergency.reference, finding.id),
  ].join('\n');
}
