import { useState } from 'preact/hooks';
import type { TimelineEntry } from '@/lib/retro/timeline-entry';
import { localAndUtc } from './time-format';

interface Props {
  entries: TimelineEntry[];
  zone: string;
  editingId: string | null;
  onEdit(entry: TimelineEntry): void;
  onDelete(entry: TimelineEntry): void;
}

const safeHref = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/** A link as a reader scans it in the narrow sidebar: no scheme, and a long path's middle left out ("gitlab.com/…/issues/1#note_602"). */
export function shownLink(url: string): string {
  const bare = url.replace(/^https?:\/\//i, '');
  if (bare.length <= 48) return bare;
  const cut = `${bare.slice(0, 47)}…`;
  // The path's last two parts and the fragment; a query ("?redirect=https://…") is only hinted at.
  // A link that is no valid URL (a typo in the port) is cut short, never an error.
  if (!URL.canParse(url)) return cut;
  const { host, pathname, search, hash } = new URL(url);
  const short = `${host}/…/${pathname.split('/').slice(-2).join('/')}${search ? '?…' : ''}${hash}`;
  return short.length <= 60 ? short : cut;
}

/** Entries shown at first, and added per "Show more": a pasted chat of 4,000 messages must not block the page. */
export const ENTRY_STEP = 200;

/** The entries in time order; every value is text, links only http(s). */
export function EntryList({ entries, zone, editingId, onEdit, onDelete }: Props) {
  const [limit, setLimit] = useState(ENTRY_STEP);
  if (!entries.length) return <p class="muted" data-testid="timeline-empty">No entries yet: add one, import from the issue, or paste a chat transcript.</p>;
  const hidden = entries.length - limit;
  return (
    <>
      <ol class="entries" data-testid="timeline-entries">
        {entries.slice(0, limit).map((entry) => {
          const { local, utc } = localAndUtc(entry.at, zone);
          return (
            <li key={entry.id} class={editingId === entry.id ? 'editing' : undefined} data-testid="timeline-entry" data-entry-id={entry.id}>
              <div class="entry-time"><time dateTime={entry.at}>{local}</time> <span class="muted">{utc}</span></div>
              {entry.tag && <span class="tag">{entry.tag}</span>}
              {entry.internal && <span class="tag internal" title="From an internal note: posted only in an internal comment">internal</span>}
              <p class="entry-text">{entry.text}</p>
              {safeHref(entry.link) && <a href={safeHref(entry.link)} title={entry.link} target="_blank" rel="noopener noreferrer">{shownLink(entry.link!)}</a>}
              <div class="row">
                <button type="button" data-action="Edit" aria-label={`Edit entry at ${local}`} onClick={() => onEdit(entry)}>Edit</button>
                <button type="button" data-action="Delete" aria-label={`Delete entry at ${local}`} onClick={() => onDelete(entry)}>Delete</button>
              </div>
            </li>
          );
        })}
      </ol>
      {hidden > 0 && (
        <button type="button" data-testid="more-entries" onClick={() => setLimit(limit + ENTRY_STEP)}>
          Show {Math.min(ENTRY_STEP, hidden)} more ({hidden} not shown yet)
        </button>
      )}
    </>
  );
}
