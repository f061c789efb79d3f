// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RetroChecklist } from '@/components/RetroChecklist';
import { retroChecklist } from '@/lib/retro/checklist';
import { DEFAULT_LABELS as labelNames } from '@/lib/retro/labels';

afterEach(cleanup);

describe('RetroChecklist', () => {
  it('names the label as code, counts what is done and tells a screen reader which steps are', () => {
    const checklist = retroChecklist({ labels: ['retro'], dueDate: null, assigneeUsernames: [], manager: undefined, labelNames, timelineEntries: 2, findings: [] });
    render(<RetroChecklist checklist={checklist} />);
    expect(screen.getByText('2 of 5 done')).toBeTruthy();
    const step = screen.getByTestId('checklist').querySelector('[data-step="retro-label"]')!;
    expect(step.querySelector('code')?.textContent).toBe('retro');
    expect(step.textContent).toBe('✓Done: retro label applied');
    expect(step.textContent).not.toContain('`');
    expect(screen.getByTestId('checklist').querySelector('[data-step="timeline"]')?.getAttribute('data-done')).toBe('yes');
  });
});
