/**
 * The timeline as one GitLab comment: a hidden marker (so the next publish finds and updates
 * it), a blank line, then a table whose cells cannot break its columns (case C18).
 */
import { isTimelineTag, sortEntries, type TimelineEntry } from './timeline-entry';
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

/** What a posted timeline comment holds, read back: entries without ids. */
export type PostedEntry = Omit<TimelineEntry, 'id'>;

const ROW = /^\|\s*(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})\s*\|/;
const LINK = /\s?\[link\]\(([^)\s]+)\)$/;

/** The reverse of markdownLink's percent-encoding of `(`, `)`, spaces, `|`, `<` and `>`. */
const undoLinkEscapes = (url: string) => url.replace(/%(2[089]|7C|3C|3E)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The reverse of escapeCell, and of quietMentions for the mentions it wrapped. */
const unescapeCell = (cell: string) => cell
  .replace(/`@(\w[\w.-]*)`/g, '@$1')
  .replace(/<br>/g, '\n')
  .replace(/&lt;/g, '<')
  .replace(/\\([\\|])/g, '$1');

/**
 * The entries of a timeline comment this extension posted (renderTimelineMarkdown): the UTC time,
 * the event text and link, the tag. Rows of any other shape are skipped.
 */
export function readTimelineMarkdown(body: string): PostedEntry[] {
  const entries: PostedEntry[] = [];
  for (const line of body.split('\n')) {
    const row = ROW.exec(line);
    if (!row) continue;
    // Cells split where GitLab splits them: at pipes not escaped with a backslash.
    const cells = line.trim().slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.length !== 4) continue;
    const link = LINK.exec(cells[2]!);
    const text = unescapeCell(link ? cells[2]!.slice(0, link.index) : cells[2]!);
    const tag = unescapeCell(cells[3]!);
    entries.push({
      at: `${row[1]}T${row[2]}:00.000Z`,
      text,
      ...(link ? { link: undoLinkEscapes(link[1]!) } : {}),
      ...(isTimelineTag(tag) ? { tag } : {}),
    });
  }
  return entries;
}
