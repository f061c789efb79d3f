// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
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
