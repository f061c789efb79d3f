/** A content script's draft client for one issue: drafts live in the background's storage. */
import type { IssueRef } from './gitlab/issue-ref';
import { sendRequest } from './messaging';
import type { DraftClient } from '@/components/drafts/draft-client';

export function createDraftClient(ref: IssueRef): DraftClient {
  return {
    loadDraft: (kind) => sendRequest({ type: 'draft:load', ref, kind }) as never,
    saveDraft: (draft, baseRevision) => sendRequest({ type: 'draft:save', ref, draft, baseRevision }),
    onPageHide(callback) {
      // visibilitychange covers tab switches and most closes; pagehide covers the rest (bfcache, reload).
      const onVisibility = () => document.visibilityState === 'hidden' && callback(false);
      const onLeave = () => callback(true);
      document.addEventListener('visibilitychange', onVisibility);
      window.addEventListener('pagehide', onLeave);
      return () => {
        document.removeEventListener('visibilitychange', onVisibility);
        window.removeEventListener('pagehide', onLeave);
      };
    },
  };
}
