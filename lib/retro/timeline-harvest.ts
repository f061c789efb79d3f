/**
 * An issue's comments, system notes and label events as import candidates: who, when, a short
 * excerpt. Our own published timeline comment is not a candidate, nor is anything imported already.
 */
import { shorten } from './shorten';
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

/** Markdown noise out, whitespace folded: a readable line, not GitLab's raw source. */
export function plainText(body: string): string {
  return body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' [code] ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '[image $1]')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_~`]{1,3}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}


export function harvestCandidates(
  notes: readonly HarvestNote[],
  labelEvents: readonly HarvestLabelEvent[],
  issueWebUrl: string,
  skip: ReadonlySet<string>,
): TimelineCandidate[] {
  const out: TimelineCandidate[] = [];
  for (const note of notes) {
    const source = `note:${note.id}`;
    if (skip.has(source) || typeof note.body !== 'string' || note.body.includes(TIMELINE_MARKER)) continue;
    const plain = plainText(note.body);
    if (!plain) continue;
    const author = note.author?.username ?? 'unknown';
    const text = note.system ? `@${author} ${plain}` : plain;
    out.push({
      source,
      at: note.created_at ?? '',
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
    out.push({ source, at: event.created_at, author, kind: 'label', excerpt: what, text: `@${author} ${what}` });
  }
  return out.filter((c) => !Number.isNaN(Date.parse(c.at))).sort((a, b) => a.at.localeCompare(b.at));
}
