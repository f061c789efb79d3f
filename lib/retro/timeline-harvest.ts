/**
 * An issue's comments, system notes and label events as import candidates: who, when, a short
 * excerpt. Our own published timeline comment is not a candidate, nor is anything imported already.
 */
import { shorten } from './shorten';
import { isKnown } from './timeline-entry';
import { RETRO_NOTES_MARKER } from './retro-notes';
import { TIMELINE_MARKER } from './timeline-markdown';

/** The fields of GitLab's note entity the import reads (api/list-issue-notes.json). */
export interface HarvestNote {
  id: number;
  body: string;
  system?: boolean;
  /** Notes without a valid time are left out. */
  created_at?: string;
  author?: { username?: string; name?: string } | null;
  internal?: boolean;
}

/** The fields of a resource label event (api/list-issue-resource-label-events.json). */
export interface HarvestLabelEvent {
  id: number;
  created_at: string;
  action: string;
  label?: { name?: string } | null;
  user?: { username?: string } | null;
}

export interface TimelineCandidate {
  /** `note:<id>` or `label-event:<id>`: becomes the entry's `source`. */
  source: string;
  at: string;
  author: string;
  kind: 'comment' | 'system' | 'label';
  excerpt: string;
  /** The proposed entry text (longer than the excerpt, still one paragraph). */
  text: string;
  /** Link to the note on the issue page, when GitLab has one. */
  link?: string;
  /** An internal note: only project members may read it. */
  internal?: true;
}

const EXCERPT = 140;
const TEXT = 500;
/** Enough of a note for its first 500 characters of prose; a longer note is not read further. */
const READ_CHARS = 50_000;

/**
 * Emphasis markers out, where markdown reads them as emphasis: around text, never inside a
 * word, so `gitlab_rails`, `SELECT *` and `~/path` keep their characters.
 */
// Spans (here and in plainText) are looked for within bounded lengths, so a long note full of
// unclosed markers costs linear time.
const unemphasize = (text: string) => text
  .replace(/(\*\*|~~)(?=\S)([^\n]{0,300}?\S)\1/g, '$2')
  // Underscores, unlike asterisks, are no emphasis inside a word: foo__bar__baz stays.
  .replace(/(^|[^\w_])__(?=[^\s_])((?:(?!__)[^\n]){0,300}?[^\s_])__(?![\w_])/g, '$1$2')
  .replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]{0,300}?[^\s*])\*(?![\w*])/g, '$1$2')
  .replace(/(^|[^\w_])_(?=[^\s_])([^_\n]{0,300}?[^\s_])_(?![\w_])/g, '$1$2');

// A backslash-escaped character ("\*not emphasis\*") is that character, never markup: held as a
// private-use stand-in while markup is taken out, then given back (with its backslash inside code).
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|~<>])/g;
const HELD = /[\uE000-\uE07F]/g;
const hold = (text: string) => text.replace(ESCAPED, (_, char: string) => String.fromCharCode(0xe000 + char.charCodeAt(0)));
const giveBack = (text: string, prefix: string, held: boolean) => (held ? text.replace(HELD, (char) => prefix + String.fromCharCode(char.charCodeAt(0) - 0xe000)) : text);

/** Markdown noise out, whitespace folded: a readable line, not GitLab's raw source. Inline code keeps its text as written. */
export function plainText(body: string): string {
  const read = body.slice(0, READ_CHARS);
  // A note that holds such characters itself is read without stand-ins, so none of its own is changed.
  const held = !/[\uE000-\uE07F]/.test(read);
  const prose = (held ? hold(read) : read)
    .replace(/<!--[\s\S]{0,5000}?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' [code] ')
    // A link's URL may hold one level of parentheses ("…/Wiki_(disambiguation)").
    .replace(/!\[([^\]\n]{0,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}\)/g, '[image $1]')
    .replace(/\[([^\]\n]{1,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>)\s+/gm, '')
    // List items stay items when the lines are folded: "1. restart 2. resync", "• restart • resync".
    .replace(/^\s{0,3}[-*+]\s+/gm, '• ');
  // Code spans (a run of backticks up to the next run of the same length) are taken as they are.
  const parts = prose.split(/(?<!`)(`+)(?!`)([\s\S]{0,2000}?[^`])\1(?!`)/);
  let out = '';
  for (let i = 0; i < parts.length; i += 3) {
    out += giveBack(unemphasize(parts[i]!), '', held);
    if (i + 2 < parts.length) out += giveBack(parts[i + 2]!.trim(), '\\', held);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** GitLab may write a time with an offset ("…T12:00:00.000+02:00"); entries keep UTC, which sorts and prints as written. */
const asUtc = (at: string | undefined): string => {
  const ms = at ? Date.parse(at) : Number.NaN;
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
};

export function harvestCandidates(
  notes: readonly HarvestNote[],
  labelEvents: readonly HarvestLabelEvent[],
  issueWebUrl: string,
  skip: ReadonlySet<string>,
): TimelineCandidate[] {
  const out: TimelineCandidate[] = [];
  for (const note of notes) {
    const source = `note:${note.id}`;
    // The comments the product posted (the timeline, the retro notes that repeat it) are not events of the emergency.
    if (skip.has(source) || typeof note.body !== 'string' || note.body.includes(TIMELINE_MARKER) || note.body.includes(RETRO_NOTES_MARKER)) continue;
    const plain = plainText(note.body);
    if (!plain) continue;
    const author = note.author?.username ?? 'unknown';
    // Who did or said it stays with the entry: "@lee-lead assigned to @sam", "@sam: Customer reports…".
    const text = note.system ? `@${author} ${plain}` : `@${author}: ${plain}`;
    out.push({
      source,
      at: asUtc(note.created_at),
      author,
      kind: note.system ? 'system' : 'comment',
      excerpt: shorten(plain, EXCERPT),
      text: shorten(text, TEXT),
      ...(issueWebUrl && !note.system ? { link: `${issueWebUrl}#note_${note.id}` } : {}),
      ...(note.internal ? { internal: true as const } : {}),
    });
  }
  for (const event of labelEvents) {
    const source = `label-event:${event.id}`;
    const label = event.label?.name;
    if (skip.has(source) || !label) continue;
    const author = event.user?.username ?? 'unknown';
    const what = `${event.action === 'remove' ? 'removed' : 'added'} label ~"${label}"`;
    out.push({ source, at: asUtc(event.created_at), author, kind: 'label', excerpt: what, text: `@${author} ${what}` });
  }
  return out.filter((c) => c.at && !isKnown(skip, c)).sort((a, b) => a.at.localeCompare(b.at));
}
