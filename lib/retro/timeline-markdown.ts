/**
 * The timeline as one GitLab comment: a hidden marker (so the next publish finds and updates
 * it), a blank line, then a table whose cells cannot break its columns (case C18).
 */
import { sortEntries, type TimelineEntry } from './timeline-entry';
import { toZoned, zoneAbbreviation } from './zoned-time';

export const TIMELINE_MARKER = '<!-- emergency-retro:timeline -->';

/**
 * One table cell: pipes escaped, newlines as `<br>`, and `<` as an entity so GitLab content
 * cannot open HTML. Backslashes are doubled first so the escapes stay ours.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\r\n?|\n/g, '<br>')
    .trim();
}

/** Only http(s) links become markdown links; `(`, `)` and spaces are percent-encoded so the link ends where it should. */
export function markdownLink(url: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeCell(url);
  const safe = url.replace(/[()\s|<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[link](${safe})`;
}

/**
 * `@name` as inline code: imported notes say "@lee-lead assigned to @sam", and posting the
 * timeline must not notify everyone named in it again (GitLab ignores mentions in code). A
 * mention already inside `code` stays as it is: wrapping it again would end that code early.
 */
export function quietMentions(text: string): string {
  return text.replace(/(`+)[\s\S]*?\1|(^|[^\w`@])@(\w[\w.-]*)/g, (match, ticks: string | undefined, before: string, name: string) =>
    (ticks ? match : `${before}\`@${name}\``));
}

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

export function renderTimelineMarkdown(entries: readonly TimelineEntry[], zone: string): string {
  const rows = sortEntries(entries).map((e) => {
    const local = toZoned(e.at, zone);
    const event = [escapeCell(quietMentions(e.text)), e.link ? markdownLink(e.link) : ''].filter(Boolean).join(' ');
    return `| ${utc(e.at)} | ${local.date} ${local.time} ${escapeCell(zoneAbbreviation(e.at, zone))} | ${event} | ${escapeCell(e.tag ?? '')} |`;
  });
  return [
    TIMELINE_MARKER,
    '### Emergency timeline',
    '',
    `| Time (UTC) | Time (${escapeCell(zone)}) | Event | Tag |`,
    '|---|---|---|---|',
    ...rows,
    '',
    `_${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, posted with Emergency Retro for GitLab. Posting again updates this comment._`,
  ].join('\n');
}
