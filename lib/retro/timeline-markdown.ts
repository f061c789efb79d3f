/**
 * The timeline as one GitLab comment: a hidden marker (so the next publish finds and updates
 * it), a blank line, then a table whose cells cannot break its columns (case C18).
 */
import { entryKey, isTimelineTag, sortEntries, type TimelineEntry } from './timeline-entry';
import { toZoned, zoneAbbreviation } from './zoned-time';

export const TIMELINE_MARKER = '<!-- emergency-retro:timeline -->';

/** A cell's text cut where GitLab cuts it: code spans (a run of n backticks up to the next run of exactly n) and the text between. */
function segments(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  let last = 0;
  for (const span of text.matchAll(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g)) {
    if (span.index > last) parts.push({ code: false, text: text.slice(last, span.index) });
    parts.push({ code: true, text: span[0] });
    last = span.index + span[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}

const TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', '|': '\\|', '&': '&amp;', '<': '&lt;' };

/**
 * One table cell: pipes escaped, newlines as `<br>`, `<` and `&` as entities so GitLab content
 * cannot open HTML, backslashes doubled so the escapes stay ours. Code spans are shown
 * verbatim by GitLab, so inside them only pipes are escaped (the table splits on them first)
 * and a line break becomes the space GitLab would show anyway.
 */
export function escapeCell(text: string): string {
  return segments(text.trim())
    .map((s) => (s.code
      ? s.text.replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|')
      : s.text.replace(/[\\|&<]/g, (c) => TEXT_ESCAPES[c]!).replace(/\r\n?|\n/g, '<br>')))
    .join('');
}

/** Only http(s) links become markdown links; `(`, `)`, spaces and backslashes are percent-encoded so the link ends where it should. */
export function markdownLink(url: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeCell(url);
  const safe = url.replace(/[()\s|<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[link](${safe})`;
}

/**
 * `@name`, issue, merge request and epic references (`#12`, `group/project!3`, `&4`), and links to
 * them (GitLab cross-references an issue's URL as it does `#12`; a sentence's final stop is not part of it).
 */
// gitlab.com also reads its links of the form before `/-/` ("gitlab.com/g/p/issues/9"), and incidents' ("/-/issues/incident/42").
const GITLAB_URL = String.raw`https?:\/\/(?:[^\s\`|<>]+?\/-|gitlab\.com\/[^\s\`|<>]+?)\/(?:issues(?:\/incident)?|merge_requests|epics|work_items)\/\d+(?:[^\s\`|<>]*[^\s\`|<>.,;:!?)])?`;
const MENTION = String.raw`@\w[\w.-]*`;
const ISSUE_REFERENCE = String.raw`(?:[\w.-]+\/)*[\w.-]*[#!&]\d+`;
const REFERENCE = String.raw`${GITLAB_URL}|${MENTION}|${ISSUE_REFERENCE}`;
// Emphasis (`_@lee_`, `*#12*`) is markdown GitLab strips before it looks for references.
// A mention counts after anything but a letter or digit ("Fixed.@maria", "cc/@kim", "@@lee").
const REFERENCE_IN_TEXT = new RegExp(String.raw`(^|[^a-zA-Z0-9\`@/#!&.-])(${GITLAB_URL}|${ISSUE_REFERENCE})|(^|[^a-zA-Z0-9\`])(${MENTION})`, 'g');
const WRAPPED_REFERENCE = new RegExp(String.raw`^\`(${REFERENCE})\`$`);

/**
 * References as inline code: imported notes say "@lee-lead assigned to @sam" or "related to
 * gitlab-org/gitlab#7", and posting the timeline must neither notify everyone named again nor
 * add "mentioned in" notes to other issues (GitLab ignores references in code). One already
 * inside `code` stays as it is. Beside a stray backtick new code would pair with it instead,
 * so there a zero-width space after the `@`, `#`, `!` or `&` keeps the reference inert.
 */
export function quietReferences(text: string): string {
  return segments(text)
    .map((s) => (s.code ? s.text : s.text.replace(REFERENCE_IN_TEXT, (_, ...groups: (string | undefined)[]) => {
      const before = groups[0] ?? groups[2] ?? '';
      const reference = groups[1] ?? groups[3]!;
      return s.text.includes('`') ? `${before}${reference.replace(/[@#!&]/, '$&\u200b')}` : `${before}\`${reference}\``;
    })))
    .join('');
}

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

export function renderTimelineMarkdown(entries: readonly TimelineEntry[], zone: string): string {
  const rows = sortEntries(entries).map((e) => {
    const local = toZoned(e.at, zone);
    const event = [escapeCell(quietReferences(e.text)), e.link ? markdownLink(e.link) : ''].filter(Boolean).join(' ');
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
const undoLinkEscapes = (url: string) => url.replace(/%(2[089]|7C|3C|3E|5C)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const TEXT_UNESCAPES: Record<string, string> = { '&lt;': '<', '&amp;': '&', '<br>': '\n' };

/** The reverse of escapeCell, and of quietReferences for the references it made inert. */
const unescapeCell = (cell: string) => segments(cell)
  .map((s) => (s.code
    ? s.text.replace(WRAPPED_REFERENCE, '$1').replace(/\\\|/g, '|')
    : s.text.replace(/\\([\\|])|&lt;|&amp;|<br>/g, (match, escaped: string | undefined) => escaped ?? TEXT_UNESCAPES[match]!).replace(/([@#!&])\u200b/g, '$1')))
  .join('');

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

/**
 * An entry as a comment shows it once read back (`entryKey` of that), so a draft entry and the row
 * it was posted as match where the table cannot say the text as written: a reference the user put
 * in code, a line break in code, spaces at the ends. (Text that itself ends in "[link](…)" still
 * reads back as a link.)
 */
export const postedKey = (entry: { at: string; text: string }): string =>
  entryKey({ at: entry.at, text: unescapeCell(escapeCell(quietReferences(entry.text))) });
