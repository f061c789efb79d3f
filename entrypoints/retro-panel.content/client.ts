import type { IssueRef } from '@/lib/gitlab/issue-ref';
import { sendRequest } from '@/lib/messaging';
import { createDraftClient } from '@/lib/draft-messaging';
import type { PanelClient } from '@/components/panel-client';
import { requestTimeline } from '@/lib/timeline-slot';
import { onIssueChanged } from '@/lib/issue-changed';

/** The panel's requests for one issue, sent to the background worker. */
export function createPanelClient(ref: IssueRef): PanelClient {
  return {
    load: () => sendRequest({ type: 'retro:load', ref }),
    onChanged: (callback) => onIssueChanged(ref, callback),
    apply: (engineer) => sendRequest({ type: 'retro:apply', ref, engineer }),
    undo: () => sendRequest({ type: 'retro:undo', ref }),
    addRetroLabel: () => sendRequest({ type: 'retro:add-label', ref }),
    searchUsers: (query) => sendRequest({ type: 'users:search', query }),
    addRosterPair: (engineer, manager) => sendRequest({ type: 'roster:add', engineer, manager }),
    openOptions: () => void sendRequest({ type: 'options:open' }),
    followUps: {
      similar: (followUpType, title, findingId) => sendRequest({ type: 'followup:similar', ref, followUpType, title, findingId }),
      create: (finding) => sendRequest({ type: 'followup:create', ref, finding }),
      checkIn: (finding, target) => sendRequest({ type: 'followup:checkin', ref, finding, target }),
    },
    suggestLeads: () => sendRequest({ type: 'retro:leads', ref }),
    drafts: createDraftClient(ref),
    postRetroNotes: (zone, lead) => sendRequest({ type: 'retro:notes', ref, zone, ...(lead ? { lead } : {}) }),
    mountTimeline(element, context, onError) {
      const openOptions = () => void sendRequest({ type: 'options:open' });
      const slot = requestTimeline({ element, ref, ...context, openOptions });
      // Not loaded yet in this tab: the background injects the section's script, which fills the slot.
      if (!slot.loaded) void sendRequest({ type: 'timeline:load-ui' }).then((reply) => reply.ok || onError(reply.error));
      return slot.unmount;
    },
  };
}
