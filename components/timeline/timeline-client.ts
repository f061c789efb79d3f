import type { Result, TimelinePublishResult } from '@/lib/messaging';
import type { TimelineCandidate } from '@/lib/retro/timeline-harvest';
import type { TranscriptResult } from '@/lib/retro/transcript/parse-transcript';
import type { DraftClient } from '../drafts/draft-client';

export interface PublishOptions {
  revision: number;
  internal: boolean;
  incidentEvents: boolean;
  zone: string;
}

/** The timeline section's requests for one issue. */
export interface TimelineClient extends DraftClient {
  candidates(): Promise<Result<TimelineCandidate[]>>;
  parseTranscript(text: string, date: string, zone: string): Promise<Result<TranscriptResult>>;
  publish(options: PublishOptions): Promise<Result<TimelinePublishResult>>;
}
