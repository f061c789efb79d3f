/**
 * The worker tells open GitLab tabs that an issue changed through a surface other than the panel
 * (the context menu's "Suggest retro"), so a panel showing it reads it again instead of going stale.
 */
import { browser } from 'wxt/browser';
import { sameIssue, type IssueRef } from './gitlab/issue-ref';

export const ISSUE_CHANGED = 'emergency-retro:issue-changed';

export interface IssueChanged {
  type: typeof ISSUE_CHANGED;
  projectPath: string;
  iid: number;
}

/** Content side: calls back for news about `ref` sent by this extension's worker, and nobody else. */
export function onIssueChanged(ref: IssueRef, callback: () => void): () => void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // From a tab (a page, another content script) it is not the worker's word.
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const news = message as Partial<IssueChanged> | null;
    if (news?.type === ISSUE_CHANGED && typeof news.projectPath === 'string' && typeof news.iid === 'number' && sameIssue(ref, { projectPath: news.projectPath, iid: news.iid, view: ref.view })) callback();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
