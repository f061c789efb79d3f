/**
 * Every message enters here: schema-checked, sender-checked, dispatched, and answered with
 * plain JSON `{ok, data}` / `{ok: false, error}` (case C7): no Error or Date crosses.
 */
import type { Browser } from 'wxt/browser';
import type { ResponseMap, Result } from '@/lib/messaging';
import { CONTENT_SCRIPT_TYPES, parseRequest, type Request } from '@/lib/messaging-schema';
import { asApiError, invalidRequestError } from '@/lib/gitlab/errors';
import { isEmergencyProject, parseIssueUrl } from '@/lib/gitlab/issue-url';
import { settingsItem } from '@/lib/settings';
import type { BackgroundDeps } from './context';
import { addRetroLabel, applyRetroActions, loadRetro, undoRetroActions } from './retro-handlers';
import { addRosterPair, checkToken, forgetToken, loadSettings, saveSettings } from './settings-handlers';
import { searchUsers } from './user-handlers';
import { checkInOnIssue, createFollowUp, findSimilar, suggestLeads } from './follow-up-handlers';
import { postRetroNotes } from './retro-notes-handlers';
import { cachedMyRetros, moreMyRetros, refreshMyRetros } from './my-retros-handlers';
import { cachedReview, refreshReview } from './review-handlers';
import { loadIssueDraft, saveIssueDraft } from './draft-handlers';
import { parseTimelineTranscript, publishTimeline, timelineCandidates } from './timeline-handlers';

type Sender = Browser.runtime.MessageSender;

export interface RouterEnv {
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
}

/** protocol://host: unlike URL.origin, never the opaque "null" for extension URLs. */
export function originOf(url: string | undefined): string | null {
  try {
    const parsed = url ? new URL(url) : null;
    return parsed && parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** Own extension only; pages of the extension may send anything, GitLab tabs only the panel's requests. */
export async function senderAllowed(sender: Sender, type: Request['type'], env: RouterEnv): Promise<boolean> {
  if (sender.id !== env.extensionId) return false;
  const origin = originOf(sender.url);
  if (origin === env.extensionOrigin) return true;
  if (!sender.tab || !CONTENT_SCRIPT_TYPES.has(type)) return false;
  const { gitlabUrl } = await settingsItem.getValue();
  return origin === new URL(gitlabUrl).origin;
}

async function dispatch(deps: BackgroundDeps, request: Request, sender: Sender): Promise<ResponseMap[Request['type']]> {
  switch (request.type) {
    case 'page:visit': {
      const { emergencyProjects, gitlabUrl } = await settingsItem.getValue();
      // Only the page the message came from counts: a tab cannot ask about another origin.
      const parsed = originOf(sender.url) === originOf(request.url) ? parseIssueUrl(request.url, gitlabUrl) : null;
      const emergency = parsed?.kind === 'project-issue' && isEmergencyProject(parsed.ref.projectPath, emergencyProjects);
      if (emergency && sender.tab?.id !== undefined) await deps.injectPanel(sender.tab.id, sender.frameId ?? 0);
      return { emergency };
    }
    case 'retro:load':
      return loadRetro(deps, request);
    case 'retro:apply':
      return applyRetroActions(deps, request);
    case 'retro:undo':
      return undoRetroActions(deps, request);
    case 'retro:add-label':
      return addRetroLabel(deps, request);
    case 'users:search':
      return searchUsers(deps, request);
    case 'roster:add':
      return addRosterPair(request);
    case 'options:open':
      await deps.openOptions();
      return null;
    case 'settings:load':
      return loadSettings();
    case 'settings:save':
      return saveSettings(deps, request);
    case 'token:check':
      return checkToken(deps);
    case 'token:remove':
      return forgetToken();
    case 'followup:similar':
      return findSimilar(deps, request);
    case 'followup:create':
      return createFollowUp(deps, request);
    case 'followup:checkin':
      return checkInOnIssue(deps, request);
    case 'retro:leads':
      return suggestLeads(deps, request);
    case 'retro:notes':
      return postRetroNotes(deps, request);
    case 'myretros:cached':
      return cachedMyRetros();
    case 'myretros:refresh':
      return refreshMyRetros(deps);
    case 'myretros:more':
      return moreMyRetros(deps, request);
    case 'review:cached':
      return cachedReview();
    case 'review:refresh':
      return refreshReview(deps);
    case 'timeline:load-ui':
      // Our own script into the tab that asked (the sender check above already required a GitLab tab).
      if (sender.tab?.id !== undefined) await deps.injectTimeline(sender.tab.id, sender.frameId ?? 0);
      return null;
    case 'draft:load':
      return loadIssueDraft(request);
    case 'draft:save':
      return saveIssueDraft(deps, request);
    case 'timeline:candidates':
      return timelineCandidates(deps, request);
    case 'timeline:parse':
      return parseTimelineTranscript(deps, request);
    case 'timeline:publish':
      return publishTimeline(deps, request);
  }
}

export function createRouter(deps: BackgroundDeps, env: RouterEnv) {
  return async (message: unknown, sender: Sender): Promise<Result<unknown>> => {
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: invalidRequestError(parsed.detail) };
    if (!(await senderAllowed(sender, parsed.request.type, env))) {
      return { ok: false, error: invalidRequestError('this page may not send that request') };
    }
    try {
      const data = await dispatch(deps, parsed.request, sender);
      return { ok: true, data: JSON.parse(JSON.stringify(data ?? null)) };
    } catch (thrown) {
      // A 429 was already remembered by the gateway (rate-limit.ts), whichever surface asked.
      return { ok: false, error: asApiError(thrown) };
    }
  };
}
