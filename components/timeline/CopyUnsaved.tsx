import { useState } from 'preact/hooks';
import type { TimelineDraftData } from '@/lib/timeline-draft';

/**
 * The timeline as lines "Paste transcript" reads back (`2025-03-04 09:32 UTC text`): the half-typed
 * entry in the reader's own time; lines still to place, and a paste not read yet, as they are. Tags are not kept.
 */
export function unsavedAsTranscript({ entries, form, unplaced, paste }: TimelineDraftData): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  // Lines still to place go first: after a timed line, a line without a time would join its message.
  const lines = unplaced.map((line) => line.text);
  lines.push(...entries.map((e) => `${e.at.slice(0, 10)} ${e.at.slice(11, 16)} UTC ${oneLine(e.text)}${e.link ? ` ${e.link}` : ''}`));
  if (form?.text.trim() && form.date && form.time) lines.push(`${form.date} ${form.time.slice(0, 5)} ${oneLine(form.text)}${form.link.trim() ? ` ${form.link.trim()}` : ''}`);
  if (paste?.trim()) lines.push(paste.trim());
  return lines.join('\n');
}

/**
 * Once the extension was updated under this page, nothing more can be saved, and the reload that
 * fixes it drops what is only on the page: copy it first, then paste it back after the reload.
 */
export function CopyUnsaved({ data }: { data: TimelineDraftData }) {
  const [copied, setCopied] = useState('');
  const copy = () => navigator.clipboard.writeText(unsavedAsTranscript(data)).then(
    () => setCopied('Copied. After the reload, paste it into Paste transcript and read it.'),
    () => setCopied('The browser did not allow copying: select the entries above and copy them by hand.'),
  );
  return (
    <div class="hint" data-testid="copy-unsaved">
      <p>Reloading drops what was not saved. Copy the timeline first; after the reload, Paste transcript reads it back (tags are not kept).</p>
      <button type="button" onClick={() => void copy()}>Copy the timeline</button>
      <p role="status">{copied}</p>
    </div>
  );
}
