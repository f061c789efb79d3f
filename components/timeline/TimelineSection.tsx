import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { combineTimelineDrafts, emptyTimelineDraft, type EntryFormDraft, type TimelineDraftData } from '@/lib/timeline-draft';
import { entriesFingerprint, knownSources, newEntryId, removeEntry, sortEntries, upsertEntry, type TimelineEntry } from '@/lib/retro/timeline-entry';
import { todayIn, toZoned, zonedToUtcMs } from '@/lib/retro/zoned-time';
import type { DraftView } from '@/lib/drafts';
import { useDraft } from '../drafts/use-draft';
import { DraftStatus } from '../drafts/DraftStatus';
import { ErrorNotice } from '../ErrorNotice';
import { useFocusAfterRender } from '../use-focus-after-render';
import type { TimelineClient } from './timeline-client';
import { browserZone } from './time-format';
import { EntryList } from './EntryList';
import { EntryForm } from './EntryForm';
import { ImportFromIssue } from './ImportFromIssue';
import { PasteTranscript } from './PasteTranscript';
import { PublishTimeline } from './PublishTimeline';
import { CopyUnsaved } from './CopyUnsaved';

interface Props {
  client: TimelineClient;
  isIncident: boolean;
  canWrite: boolean;
  zone?: string;
  onOpenOptions?: () => void;
  onEntries?: (count: number) => void;
}

const entryCount = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
/** The other tab's version in a few words; "posted on GitLab" warns that keeping mine and posting takes its entries off GitLab. */
const clashSummary = ({ data, revision, published }: DraftView<'timeline'>) =>
  `${entryCount(data?.entries.length ?? 0)}${published?.revision === revision ? ', posted on GitLab: keeping yours and posting removes what only it has' : ''}`;
const blankForm = (date: string): EntryFormDraft => ({ id: '', date, time: '', text: '', link: '', tag: '' });

/** The Timeline section: build the emergency timeline from the issue and chat, then post it. */
export function TimelineSection({ client, isIncident, canWrite, zone = browserZone(), onOpenOptions, onEntries }: Props) {
  // Entries deleted in this tab: "Keep both" does not bring them back from the other tab's version.
  const deletedHere = useRef(new Set<string>());
  // Neither version's entries are lost: mine, then the stored one's that mine lacks, saved over it.
  const joinStored = (mine: TimelineDraftData, stored: TimelineDraftData) => combineTimelineDrafts(mine, stored, deletedHere.current);
  const draft = useDraft(client, 'timeline', emptyTimelineDraft, joinStored);
  const [showForm, setShowForm] = useState(false);
  // Said in the form when something would replace what is typed there.
  const [formNotice, setFormNotice] = useState('');
  const { entries, unplaced } = draft.data;
  useEffect(() => {
    if (!draft.loading) onEntries?.(entries.length);
  }, [entries.length, draft.loading]);
  const firstDay = entries[0] ? toZoned(entries[0].at, zone).date : todayIn(zone);
  const form = draft.data.form ?? blankForm(firstDay);
  const change = (next: Partial<TimelineDraftData>) => draft.update((d) => ({ ...d, ...next }));
  // Read on every keystroke's render: built again only when the entries change.
  const known = useMemo(() => knownSources(entries), [entries]);
  const entryTexts = useMemo(() => new Set(entries.map((e) => e.text)), [entries]);
  const fingerprint = useMemo(() => entriesFingerprint(entries), [entries]);
  // What the comment shows against the entries now; a mark from before fingerprints were kept goes by revision.
  const posted = draft.published;
  const changedSincePosted = !!posted && (posted.entries ? posted.entries !== fingerprint
    : posted.revision !== draft.revision || draft.status === 'unsaved' || draft.status === 'saving');
  const addEntries = (added: TimelineEntry[]) => draft.update((d) => ({ ...d, entries: sortEntries([...d.entries, ...added]) }));

  // Keyboard users keep their place: into the form when it opens, back to what opened it when it closes.
  const section = useRef<HTMLElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const entryButton = (id: string, action: 'Edit' | 'Delete') => [...(section.current?.querySelectorAll<HTMLElement>('[data-entry-id]') ?? [])]
    .find((item) => item.dataset.entryId === id)?.querySelector(`button[data-action="${action}"]`);
  const addButton = () => section.current?.querySelector('button[data-action="add"]');
  const closeForm = (focusId: string) => {
    setShowForm(false);
    setFormNotice('');
    focusAfterRender(() => (focusId && entryButton(focusId, 'Edit')) || addButton());
  };
  const openForm = () => {
    setShowForm(true);
    focusAfterRender(() => section.current?.querySelector('.entry-form input'));
  };

  const submit = (entry: { at: string; text: string; link?: string; tag?: string }) => {
    // An edited entry keeps where it came from (a later import still skips its source) and whether it is internal.
    const { source, internal } = entries.find((e) => e.id === form.id) ?? {};
    draft.update((d) => ({ ...d, form: null, entries: upsertEntry(d.entries, { id: form.id || newEntryId(), ...entry, ...(source ? { source } : {}), ...(internal ? { internal } : {}) }) }));
    closeForm(form.id);
  };
  const cancel = () => {
    change({ form: null });
    closeForm(form.id);
  };
  const formFor = (entry: TimelineEntry): EntryFormDraft => {
    const local = toZoned(entry.at, zone);
    return { id: entry.id, date: local.date, time: local.time, text: entry.text, link: entry.link ?? '', tag: entry.tag ?? '' };
  };
  // Escape may close the form only while it holds nothing the user typed.
  const editing = entries.find((e) => e.id === form.id);
  const untouched = JSON.stringify(form) === JSON.stringify(editing ? formFor(editing) : blankForm(firstDay));
  const formOpen = showForm || !!draft.data.form;
  const edit = (entry: TimelineEntry) => {
    // What is typed in the form is never replaced unasked: it is saved or cancelled first.
    if (formOpen && !untouched && form.id !== entry.id) {
      setFormNotice(`Save or cancel the entry ${form.id ? 'you are editing' : 'you are adding'} first: it holds what you typed.`);
      focusAfterRender(() => section.current?.querySelector('.entry-form input'));
      return;
    }
    setFormNotice('');
    change({ form: formFor(entry) });
    openForm();
  };
  const remove = (entry: TimelineEntry) => {
    deletedHere.current.add(entry.id);
    const index = entries.findIndex((e) => e.id === entry.id);
    const neighbour = entries[index + 1] ?? entries[index - 1];
    // The entry open in the form goes with it: saving that form would bring it back.
    const closesForm = formOpen && form.id === entry.id;
    if (closesForm) setShowForm(false);
    change({ entries: removeEntry(entries, entry.id), ...(closesForm ? { form: null } : {}) });
    focusAfterRender(() => (neighbour && entryButton(neighbour.id, 'Delete')) || addButton());
  };
  // What is typed while a post is on its way is kept: the worker may save a newer version meanwhile
  // (entries taken in from GitLab's comment), so typing is saved only after the answer, joined to that version.
  const takeStored = async () => {
    const reply = await client.loadDraft('timeline');
    // Unread, nothing changes here: the next save meets the newer version as a clash, and nothing is lost.
    if (reply.ok) draft.take(reply.data, joinStored);
  };
  const publish = async (options: { internal: boolean; incidentEvents: boolean }) => {
    const revision = await draft.flush();
    if (revision === null) return { ok: false as const, error: { kind: 'rejected' as const, status: 0, message: 'The draft could not be saved first, so nothing was posted.' } };
    draft.hold(true);
    const reply = await client.publish({ ...options, revision, zone });
    const stale = !reply.ok && reply.error.kind === 'stale-draft';
    // Another tab saved since, or entries were taken in from GitLab's comment: that newer version is loaded.
    if (stale || (reply.ok && reply.data.takenFromGitLab)) await takeStored();
    else if (reply.ok) draft.setPublished({ revision: reply.data.revision, noteId: reply.data.noteId, noteUrl: reply.data.noteUrl, at: new Date().toISOString(), internal: reply.data.internal, entries: reply.data.entries });
    draft.hold(false);
    return stale ? { ok: false as const, error: { ...reply.error, message: 'Another tab saved a newer version of this timeline; it is shown here now. Review it, then post again.' } } : reply;
  };

  // The paste box opens by itself when the draft comes with a paste not read yet, or lines to place;
  // after that it is the user's to open and close (a read that leaves nothing to place keeps it open).
  const pasteOpenAtFirst = useRef<boolean | null>(null);
  if (!draft.loading && pasteOpenAtFirst.current === null) pasteOpenAtFirst.current = !!draft.data.paste || unplaced.length > 0;

  if (draft.loading) return <section class="timeline" aria-label="Timeline"><h3>Timeline</h3><p role="status" class="muted">Loading the timeline draft…</p></section>;
  if (draft.loadError) return <section class="timeline" aria-label="Timeline"><h3>Timeline</h3><ErrorNotice error={draft.loadError} onRetry={draft.reload} /></section>;
  return (
    <section class="timeline" aria-label="Timeline" data-testid="timeline" ref={section}>
      <h3>Entries <span class="muted">({entries.length}, times in {zone === 'UTC' ? 'UTC' : `${zone} with UTC`})</span></h3>
      <DraftStatus status={draft.status} savedAt={draft.savedAt} error={draft.saveError} onRetry={() => void draft.flush()} onResolve={draft.resolveConflict}
        conflictSummary={draft.conflict ? clashSummary(draft.conflict) : null} />
      {draft.status === 'error' && draft.saveError?.kind === 'extension-updated' && <CopyUnsaved data={draft.data} />}
      <EntryList entries={entries} zone={zone} editingId={showForm ? form.id : null} onEdit={edit} onDelete={remove} />
      {formOpen ? (
        <EntryForm form={form} zone={zone} untouched={untouched} notice={formNotice} keep={editing && { ...formFor(editing), at: editing.at }} onChange={(f) => change({ form: f })} onSubmit={submit} onCancel={cancel} />
      ) : (
        <button type="button" data-action="add" onClick={openForm}>Add entry</button>
      )}
      <details>
        <summary>Import from issue</summary>
        <ImportFromIssue client={client} zone={zone} known={known} onOpenOptions={onOpenOptions}
          onAdd={(picked) => addEntries(picked.map((c) => ({ id: newEntryId(), at: c.at, text: c.text, source: c.source, ...(c.link ? { link: c.link } : {}), ...(c.internal ? { internal: c.internal } : {}) })))} />
      </details>
      <details open={pasteOpenAtFirst.current!}>
        <summary>Paste transcript</summary>
        <PasteTranscript client={client} zone={zone} defaultDate={firstDay} unplaced={unplaced}
          text={draft.data.paste ?? ''}
          onText={(paste) => draft.update((d) => ({ ...d, paste }))}
          pickedDate={draft.data.pasteDay}
          onDate={(pasteDay) => draft.update((d) => ({ ...d, pasteDay: pasteDay || undefined }))}
          entryCount={entries.length}
          known={known}
          entryTexts={entryTexts}
          onParsed={(added, lines) => draft.update((d) => ({ ...d, entries: sortEntries([...d.entries, ...added]), unplaced: [...d.unplaced, ...lines] }))}
          onPlace={(line, date, time) => {
            const [h, mi] = time.split(':').map(Number);
            const entry = { id: newEntryId(), at: new Date(zonedToUtcMs(date, h!, mi!, 0, zone)).toISOString(), text: line.text };
            draft.update((d) => ({ ...d, entries: upsertEntry(d.entries, entry), unplaced: d.unplaced.filter((l) => l !== line) }));
          }}
          onDismiss={(line) => draft.update((d) => ({ ...d, unplaced: d.unplaced.filter((l) => l !== line) }))}
          // By line and text, not identity: a second keystroke may come before the first one's render.
          onLineChange={(line, typed) => draft.update((d) => ({ ...d, unplaced: d.unplaced.map((l) => (l.line === line.line && l.text === line.text ? { ...l, ...typed } : l)) }))} />
      </details>
      <PublishTimeline isIncident={isIncident} canWrite={canWrite} entryCount={entries.length} internalCount={entries.filter((e) => e.internal).length} ready={draft.status !== 'conflict'}
        published={draft.published} changedSincePublished={changedSincePosted} onPublish={publish} onOpenOptions={onOpenOptions} />
    </section>
  );
}
