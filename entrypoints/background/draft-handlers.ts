/** The panel's draft requests: load and save, per issue, with the revision check. */
import type { RequestOf } from '@/lib/messaging';
import type { DraftSaveResult, DraftView } from '@/lib/drafts';
import { issueKey, settingsItem } from '@/lib/settings';
import { loadDraft, saveDraft } from './draft-store';
import { requireEmergencyProject } from './retro-handlers';
import type { BackgroundDeps } from './context';

/** Drafts need no token: typing works offline and before the extension is connected. */
async function draftKey(projectPath: string, iid: number): Promise<string> {
  const settings = await settingsItem.getValue();
  requireEmergencyProject(settings, projectPath);
  return issueKey(settings.gitlabUrl, projectPath, iid);
}

export async function loadIssueDraft({ ref, kind }: RequestOf<'draft:load'>): Promise<DraftView> {
  return loadDraft(kind, await draftKey(ref.projectPath, ref.iid));
}

export async function saveIssueDraft(deps: BackgroundDeps, { ref, draft, baseRevision }: RequestOf<'draft:save'>): Promise<DraftSaveResult> {
  return saveDraft(await draftKey(ref.projectPath, ref.iid), draft, baseRevision, deps.now());
}
