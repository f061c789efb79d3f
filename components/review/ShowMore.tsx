/** The button under a list rendered a step at a time: how many come next, and how many are left. */
export function ShowMore({ shown, total, step, onMore, testId }: { shown: number; total: number; step: number; onMore(): void; testId: string }) {
  if (shown >= total) return null;
  return (
    <button type="button" onClick={onMore} data-testid={testId}>
      Show {Math.min(step, total - shown)} more ({total - shown} not shown yet)
    </button>
  );
}
