import { useState } from 'preact/hooks';
import { TIMELINE_TAGS } from '@/lib/retro/timeline-entry';
import { wallDayMs, wallMinuteToUtcMs, zonedToUtcMs } from '@/lib/retro/zoned-time';
import { landsAt, skippedNote } from './time-format';
import { TIMELINE_MAX, type EntryFormDraft } from '@/lib/timeline-draft';

interface Props {
  form: EntryFormDraft;
  zone: string;
  /** Nothing typed yet (or the entry unchanged): Escape may close the form without losing anything. */
  untouched: boolean;
  /** Why the form stayed as it is (another entry's Edit was pressed while this one holds typing). */
  notice?: string;
  /** The edited entry's own moment: kept exactly (its seconds, the second 01:30 of the night clocks go back) while the date and time are not changed. */
  keep?: { date: string; time: string; at: string };
  onChange(form: EntryFormDraft): void;
  onSubmit(entry: { at: string; text: string; link?: string; tag?: string }): void;
  onCancel(): void;
}

/** The instant the form names, or why it names none. */
export function formInstant(form: EntryFormDraft, zone: string): { at: string } | { problem: string } {
  const time = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(form.time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || !time) return { problem: 'Enter a date and a time.' };
  return { at: new Date(zonedToUtcMs(form.date, Number(time[1]), Number(time[2]), Number(time[3] ?? 0), zone)).toISOString() };
}

/** When the clocks go back, the wall time the form names happens twice: the two instants, or null. */
function twiceThatNight(form: EntryFormDraft, zone: string): [number, number] | null {
  const [h, mi, s = 0] = form.time.split(':').map(Number);
  const wall = wallDayMs(form.date) + (h! * 60 + mi!) * 60_000;
  const [first, second] = [wallMinuteToUtcMs(wall, zone), wallMinuteToUtcMs(wall, zone, 'later')].map((ms) => ms + s * 1000);
  return first === second ? null : [first!, second!];
}

/** Add or edit one entry: date and time in the reader's zone, UTC shown as it will be stored. */
export function EntryForm({ form, zone, untouched, notice, keep, onChange, onSubmit, onCancel }: Props) {
  const instant = keep && keep.date === form.date && keep.time === form.time ? { at: keep.at } : formInstant(form, zone);
  // A time the clocks skip (02:30 on the night summer time starts) lands later: say so, not silently.
  const skipped = 'at' in instant ? landsAt(form.date, form.time, zone) : '';
  // A time that happens twice (01:30 on the night summer time ends): say which one the entry is at.
  const twice = 'at' in instant && !skipped ? twiceThatNight(form, zone) : null;
  const which = twice && 'at' in instant && (Date.parse(instant.at) >= twice[1] ? 'second' : 'first');
  const link = form.link.trim();
  const problem = 'problem' in instant ? instant.problem : !form.text.trim() ? 'Describe what happened.' : link && !(/^https?:\/\/\S+$/i.test(link) && URL.canParse(link)) ? 'Links must start with https:// or http:// and be a whole web address.' : '';
  const set = (field: keyof EntryFormDraft) => (event: { currentTarget: { value: string } }) => onChange({ ...form, [field]: event.currentTarget.value });
  const submit = (event: Event) => {
    event.preventDefault();
    if (problem || 'problem' in instant) return;
    onSubmit({ at: instant.at, text: form.text.trim(), ...(link ? { link } : {}), ...(form.tag ? { tag: form.tag } : {}) });
  };
  const [escapeHint, setEscapeHint] = useState(false);
  const onKeyDown = (event: KeyboardEvent) => {
    // Enter in the text is a new line; Ctrl+Enter (⌘+Enter) adds the entry from there too.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) return submit(event);
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // GitLab's own Escape handlers are not for this form
    if (untouched) onCancel();
    else setEscapeHint(true);
  };
  return (
    <form class="entry-form" onSubmit={submit} aria-label={form.id ? 'Edit entry' : 'Add entry'} onKeyDown={onKeyDown}>
      <div class="fields">
        <label class="field">
          <span>Date</span>
          <input type="date" value={form.date} onInput={set('date')} required />
        </label>
        <label class="field">
          <span>Time ({zone})</span>
          <input type="time" value={form.time} onInput={set('time')} required />
        </label>
      </div>
      <p class="muted" data-testid="entry-utc">{'at' in instant ? `Stored as ${instant.at.slice(0, 16).replace('T', ' ')} UTC` : ''}</p>
      {which && <p class="hint" role="status" data-testid="entry-twice">{form.time.slice(0, 5)} happens twice on {form.date} in {zone} (the clocks went back): the entry is at the {which} one.</p>}
      {skipped && <p class="hint" role="status" data-testid="entry-gap">{skippedNote(form.date, form.time, zone, skipped)}</p>}
      <label class="field">
        <span>What happened</span>
        <textarea rows={2} value={form.text} onInput={set('text')} required maxLength={TIMELINE_MAX.text} placeholder="Ctrl+Enter adds the entry" aria-keyshortcuts="Control+Enter Meta+Enter" />
      </label>
      <div class="fields">
        <label class="field">
          <span>Link (optional)</span>
          <input type="url" value={form.link} onInput={set('link')} placeholder="https://" maxLength={2048} />
        </label>
        <label class="field">
          <span>Tag (optional)</span>
          <select value={form.tag} onChange={set('tag')}>
            <option value="">none</option>
            {TIMELINE_TAGS.map((tag) => <option key={tag} value={tag}>{tag}</option>)}
          </select>
        </label>
      </div>
      {problem && (form.text || form.time) && <p class="hint" data-testid="entry-problem">{problem}</p>}
      {escapeHint && !untouched && <p class="hint" role="status">Escape keeps what you typed: use Cancel to discard it.</p>}
      {notice && <p class="hint" role="status" data-testid="entry-form-notice">{notice}</p>}
      <div class="row">
        <button type="submit" class="primary" disabled={!!problem}>{form.id ? 'Save entry' : 'Add entry'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
