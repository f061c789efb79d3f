/**
 * The retro notes comment: timeline, findings by list, follow-ups with links, decisions. One
 * comment per emergency issue, found again by its hidden marker and updated in place.
 */
import { FINDING_LISTS, FOLLOW_UP_TITLES, LIST_TITLES, isActionableList, type Finding } from './findings';
import { escapeInline, hiddenMarker } from './markdown-inline';

export const RETRO_NOTES_MARKER = hiddenMarker('retro-notes');

export interface RetroNotesInput {
  /** The timeline as a markdown table, or '' when there is none yet. */
  timelineMarkdown: string;
  findings: readonly Finding[];
  /** e.g. "retro-actions applied: due 10 Dec 2026, owner @maria-manager". */
  retroActions: string | null;
  lead: string | null;
}

/** One finding as a list item: text on one line, then what was decided for it. */
function findingLine(finding: Finding): string {
  const text = escapeInline(finding.text.trim()).replace(/\n+/g, ' ');
  const parts: string[] = [];
  if (finding.followUp) parts.push(`${finding.followUp.kind === 'created' ? 'follow-up' : 'check-in on'} ${finding.followUp.reference}`);
  else if (finding.type && finding.type !== 'no-action') parts.push(FOLLOW_UP_TITLES[finding.type].toLowerCase());
  // The owner is named, not notified, and whatever was typed stays text.
  if (finding.owner?.trim()) parts.push(`owner ${escapeInline(`@${finding.owner.trim().replace(/^@/, '')}`)}`);
  if (finding.state === 'done') parts.push('done');
  // Only what is to be done gets a box to tick; what went well is a plain point.
  const box = isActionableList(finding.list) ? (finding.state === 'done' ? '[x] ' : '[ ] ') : '';
  return `- ${box}${text}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

export function retroNotesMarkdown({ timelineMarkdown, findings, retroActions, lead }: RetroNotesInput): string {
  const recorded = findings.filter((finding) => finding.text.trim());
  const sections: string[] = ['## Customer emergency retro', ''];
  if (lead) sections.push(`Retro lead: @${lead.replace(/^@/, '')}`, '');
  sections.push('### Timeline', '', timelineMarkdown.trim() || '_No timeline recorded._', '');
  for (const list of FINDING_LISTS) {
    const inList = recorded.filter((finding) => finding.list === list);
    const items = inList.filter((finding) => finding.type !== 'no-action');
    // A list whose findings were all set aside says where they went, not that nothing was said.
    const empty = inList.length ? '_Only findings not worth solving now: see Decisions._' : '_Nothing recorded._';
    sections.push(`### ${LIST_TITLES[list]}`, '', items.length ? items.map(findingLine).join('\n') : empty, '');
  }
  const declined = recorded.filter((finding) => finding.type === 'no-action');
  const decisions = [
    ...(retroActions ? [`- ${escapeInline(retroActions)}`] : []),
    ...declined.map((finding) => `- Not worth solving now: ${escapeInline(finding.text.trim()).replace(/\n+/g, ' ')}. Why: ${escapeInline(finding.reason?.trim() ?? '')}`),
  ];
  sections.push('### Decisions', '', decisions.length ? decisions.join('\n') : '_No decisions recorded._', '', RETRO_NOTES_MARKER);
  return sections.join('\n');
}
