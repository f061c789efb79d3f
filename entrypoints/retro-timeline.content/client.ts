import type { IssueRef } from '@/lib/gitlab/issue-ref';
import { sendRequest } from '@/lib/messaging';
import type { TimelineClient } from '@/components/timeline/timeline-client';
import { createDraftClient } from '@/lib/draft-messaging';

/** The Timeline section's requests for one issue; drafts live in the background's storage. */
export function createTimelineClient(ref: IssueRef): TimelineClient {
  return {
    ...createDraftClient(ref),
    candidates: () => sendRequest({ type: 'timeline:candidates', ref }),
    parseTranscript: (text, date, zone) => sendRequest({ type: 'timeline:parse', text, date, zone }),
    publish: (options) => sendRequest({ type: 'timeline:publish', ref, ...options }),
  };
}
