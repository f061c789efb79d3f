/**
 * "Suggest retro" from the context menu: add the `retro` label in one request and, when text was
 * selected, post it as the reason in one comment. Each write is sent once (case C10): a failure is
 * reported, never repeated.
 */
import { quoteBlock } from '@/lib/retro/markdown-inline';
import { asApiError } from '@/lib/gitlab/errors';
import { parseIssueUrl } from '@/lib/gitlab/issue-url';
import { connect, type BackgroundDeps } from './context';

export interface SuggestOutcome {
  ok: boolean;
  title: string;
  message: string;
  /** The issue that now has the label: a panel showing it is told to read it again. */
  labelled?: { projectPath: string; iid: number };
}

/** GitLab's notes are limited to 1,000,000 characters; a reason is a sentence or two. */
const MAX_REASON = 5000;

/**
 * The selection as a Markdown quote, escaped like every text the product quotes: a selected
 * "/close" is never a quick action, "@group" notifies nobody, and no image or link is made.
 */
export function reasonNote(selection: string): string {
  return `Retro suggested, with this reason:\n\n${quoteBlock(selection.trim().slice(0, MAX_REASON))}\n`;
}

export async function suggestRetro(deps: BackgroundDeps, url: string, selection?: string): Promise<SuggestOutcome> {
  const failed = (message: string): SuggestOutcome => ({ ok: false, title: 'Could not suggest a retro', message });
  let connection;
  try {
    connection = await connect(deps);
  } catch (error) {
    return failed(asApiError(error).message);
  }
  const { settings, gateway } = connection;
  const parsed = parseIssueUrl(url, settings.gitlabUrl);
  if (parsed?.kind !== 'project-issue') {
    return failed('Suggest retro works on issues of a project on your GitLab instance; this is not one.');
  }
  const { projectPath, iid } = parsed.ref;
  const name = `${projectPath}#${iid}`;
  try {
    await gateway.editIssue(projectPath, iid, { add_labels: settings.labels.retro });
  } catch (error) {
    return failed(`${name}: ${asApiError(error).message}`);
  }
  // One request, so whether the label was there before is not known: say what holds now.
  const labelled = `${name} now has the ${settings.labels.retro} label`;
  const issue = { labelled: { projectPath, iid } };
  if (!selection?.trim()) return { ok: true, title: 'Retro suggested', message: `${labelled}.`, ...issue };
  try {
    await gateway.createNote(projectPath, iid, reasonNote(selection));
  } catch (error) {
    return { ok: false, title: 'Retro suggested, reason not posted', message: `${labelled}, but the comment with your reason was not posted (it is not retried): ${asApiError(error).message}`, ...issue };
  }
  return { ok: true, title: 'Retro suggested', message: `${labelled}, and your reason is posted as a comment.`, ...issue };
}
