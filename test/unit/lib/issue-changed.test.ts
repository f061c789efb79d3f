import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ISSUE_CHANGED, onIssueChanged } from '@/lib/issue-changed';

const REF = { projectPath: 'gitlab-com/support/readiness/emergencies', iid: 4, view: 'issues' as const };
const WORKER = { id: fakeBrowser.runtime.id };
const news = (over: object = {}) => ({ type: ISSUE_CHANGED, projectPath: REF.projectPath, iid: REF.iid, ...over });

afterEach(() => fakeBrowser.reset());

describe('onIssueChanged', () => {
  it('calls back for the worker\'s news about this issue, in any letter case, and stops when unsubscribed', async () => {
    const callback = vi.fn();
    const off = onIssueChanged(REF, callback);
    await fakeBrowser.runtime.onMessage.trigger(news({ projectPath: REF.projectPath.toUpperCase() }), WORKER);
    expect(callback).toHaveBeenCalledTimes(1);
    off();
    await fakeBrowser.runtime.onMessage.trigger(news(), WORKER);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('ignores another issue, a malformed message, a tab\'s message and another extension\'s', async () => {
    const callback = vi.fn();
    onIssueChanged(REF, callback);
    await fakeBrowser.runtime.onMessage.trigger(news({ iid: 5 }), WORKER);
    await fakeBrowser.runtime.onMessage.trigger(news({ iid: '4' }), WORKER);
    await fakeBrowser.runtime.onMessage.trigger(null, WORKER);
    await fakeBrowser.runtime.onMessage.trigger(news(), { ...WORKER, tab: { id: 3 } as never });
    await fakeBrowser.runtime.onMessage.trigger(news(), { id: 'another-extension' });
    expect(callback).not.toHaveBeenCalled();
  });
});
