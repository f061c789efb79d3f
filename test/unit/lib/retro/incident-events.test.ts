import { describe, expect, it } from 'vitest';
import { eventNote, INCIDENT_EVENT_NOTE_MAX, planIncidentEvents } from '@/lib/retro/incident-events';

describe('incident timeline events', () => {
  it('sends only GitLab tags, keeps notes within 280 characters and skips events GitLab already has', () => {
    const entries = [
      { id: '1', at: '2025-03-04T10:00:00Z', text: 'Impact began', tag: 'Impact detected' },
      { id: '2', at: '2025-03-04T10:05:00Z', text: 'Called customer', tag: 'Customer contacted' },
      { id: '3', at: '2025-03-04T10:10:00Z', text: 'y'.repeat(400) },
    ];
    const plan = planIncidentEvents(entries, [{ occurredAt: '2025-03-04T10:05:00Z', note: 'Called customer' }]);
    expect(plan.alreadyThere).toBe(1);
    expect(plan.create.map((e) => [e.entryId, e.timelineEventTagNames, e.note.length])).toEqual([
      ['1', ['Impact detected'], 12],
      ['3', [], INCIDENT_EVENT_NOTE_MAX],
    ]);
    expect(eventNote({ id: 'x', at: '', text: 'a\nb', link: 'https://l' })).toBe('a b https://l');
    // The cut never leaves half an emoji.
    const note = eventNote({ id: 'y', at: '', text: `${'x'.repeat(INCIDENT_EVENT_NOTE_MAX - 2)}🎉🎉` });
    expect(note).toBe(`${'x'.repeat(INCIDENT_EVENT_NOTE_MAX - 2)}…`);
  });
});
