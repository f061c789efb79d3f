/** The words of a follow-up: its issue title and description, or the PM check-in comment. */
import { FOLLOW_UP_TITLES, LIST_TITLES, type Finding } from './findings';
import { escapeInline, hiddenMarker, quoteBlock } from './markdown-inline';

export interface EmergencyIssue {
  /** `group/project#123` */
  reference: string;
  webUrl: string;
  title: string;
}

const TITLE_MAX = 120;

export const followUpMarker = (emergencyReference: string, findingId: string): string =>
  hiddenMarker(`follow-up:${emergencyReference}:${findingId}`);

/** The finding's first line, shortened at a word boundary. */
export function followUpTitle(finding: Finding): string {
  const firstLine = finding.text.trim().split('\n')[0]!.replace(/\s+/g, ' ');
  if (firstLine.length <= TITLE_MAX) return firstLine;
  const cut = firstLine.slice(0, TITLE_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

export function followUpDescription(finding: Finding, emergency: EmergencyIssue): string {
  return [
    `${FOLLOW_UP_TITLES[finding.type ?? 'bug']} from the customer emergency retro of ${emergency.reference}.`,
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
