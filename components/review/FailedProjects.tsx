import type { FailedProject } from '@/lib/messaging';

interface Props {
  failed: FailedProject[];
  onRetry(): void;
  busy: boolean;
}

/** Emergency projects the review had to leave out, each with GitLab's reason; the rest is shown. */
export function FailedProjects({ failed, onRetry, busy }: Props) {
  if (failed.length === 0) return null;
  return (
    <div class="notice notice-error" role="alert" data-testid="failed-projects">
      <p>{failed.length === 1 ? 'One emergency project is' : `${failed.length} emergency projects are`} not included below:</p>
      <ul>
        {failed.map(({ projectPath, error }) => <li key={projectPath}><code>{projectPath}</code>: {error.message}</li>)}
      </ul>
      <div class="row">
        <button type="button" onClick={onRetry} disabled={busy}>Try again</button>
      </div>
    </div>
  );
}
