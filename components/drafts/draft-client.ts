import type { Result } from '@/lib/messaging';
import type { Draft, DraftKind, DraftSaveResult, DraftView } from '@/lib/drafts';

/** What a section with a draft needs from the extension; the entrypoint implements it with messaging. */
export interface DraftClient {
  loadDraft<K extends DraftKind>(kind: K): Promise<Result<DraftView<K>>>;
  saveDraft(draft: Draft, baseRevision: number): Promise<Result<DraftSaveResult>>;
  /** Calls back when the page is hidden (`leaving` false) or left (true): the moment to save at once. Returns an unsubscribe. */
  onPageHide(callback: (leaving: boolean) => void): () => void;
}
