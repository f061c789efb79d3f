import type { IssueRef } from '@/lib/gitlab/issue-ref';
import { sendRequest } from '@/lib/messaging';
import type { TimelineClient } from '@/components/timeline/timeline-client';

/** The Timeline section's requests for one issue; drafts live in the background's storage. */
export function createTimelineClient(ref: IssueRef): TimelineClient {
  return {
    loadDraft: (kind) => sendRequest({ type: 'draft:load', ref, kind }) as never,
    saveDraft: (draft, baseRevision) => sendRequest({ type: 'draft:save', ref, draft, baseRevision }),
    onPageHide(callback) {
      // visibilitychange covers tab switches and most closes; pagehide covers the rest (bfcache, reload).
      const onVisibility = () => document.visibilityState === 'hidden' && callback();
      document.addEventListener('visibilitychange', onVisibility);
      window.addEventListener('pagehide', callback);
      return () => {
        document.removeEventListener('visibilitychange', onVisibility);
        window.removeEventListener('pagehide', callback);
      };
    },
    candidates: () => sendRequest({ type: 'timeline:candidates', ref }),
    parseTranscript: (text, date, zone) => sendRequest({ type: 'timeline:parse', text, date, zone }),
    publish: (options) => sendRequest({ type: 'timeline:publish', ref, ...options }),
  };
}
