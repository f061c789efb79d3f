import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { PanelClient } from './panel-client';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  mount: NonNullable<PanelClient['mountTimeline']>;
  isIncident: boolean;
  canWrite: boolean;
  onEntries?(count: number): void;
}

/** Where the Timeline section goes; its own script renders into the element (the panel stays small). */
export function TimelineSlot({ mount, isIncident, canWrite, onEntries }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!element.current) return;
    setError(null);
    return mount(element.current, { isIncident, canWrite, onEntries }, setError);
  }, [mount, isIncident, canWrite, attempt]);
  return (
    <>
      <div ref={element} data-testid="timeline-slot" />
      {error && <ErrorNotice error={{ ...error, message: `The Timeline section did not load. ${error.message}` }} onRetry={() => setAttempt((n) => n + 1)} />}
    </>
  );
}
