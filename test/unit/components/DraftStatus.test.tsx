// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftStatus } from '@/components/drafts/DraftStatus';

afterEach(cleanup);

describe('DraftStatus', () => {
  it('says when the draft was saved on a 24-hour clock, as the timeline writes times', () => {
    const savedAt = new Date(2026, 11, 4, 15, 7).toISOString(); // 15:07 in the test's own zone
    render(<DraftStatus status="saved" savedAt={savedAt} error={null} conflictSummary={null} onRetry={() => undefined} onResolve={() => undefined} />);
    expect(screen.getByTestId('draft-status').textContent).toBe('Draft saved in this browser at 15:07.');
  });
});

describe('DraftStatus: the choice after a clash', () => {
  it('once chosen, the keyboard lands on the status line instead of falling out of the section', async () => {
    const { useState } = await import('preact/hooks');
    const chosen: string[] = [];
    function Harness() {
      const [status, setStatus] = useState<'conflict' | 'saving'>('conflict');
      return <DraftStatus status={status} savedAt={null} error={null} conflictSummary="2 findings" onRetry={() => undefined}
        onResolve={(keep) => { chosen.push(keep); setStatus('saving'); }} />;
    }
    render(<Harness />);
    screen.getByRole('button', { name: 'Keep both' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
    expect(chosen).toEqual(['both']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('draft-status')));
  });
});
