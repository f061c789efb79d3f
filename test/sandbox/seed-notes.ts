/**
 * What was said on the seeded emergencies: comments, system notes and label events on issue 1
 * (classic) and issue 3 (incident), timed from the issue's creation like a real emergency.
 */
import type { SandboxLabelEvent, SandboxNote, SandboxState } from './types.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
const SAM = 101;
const MARIA = 102;
const LEE = 103;

type Said = [minutes: number, authorId: number, body: string, system?: boolean];

const ISSUE_1: Said[] = [
  [4, LEE, 'assigned to @sam-support', true],
  [9, SAM, 'Customer reports the Geo secondary stopped replicating after a network change. Ticket #512345.'],
  [27, LEE, 'Joined the bridge; checking the replication queue | sidekiq logs'],
  [41, SAM, 'marked this issue as related to gitlab-org/gitlab#7', true],
  [72, SAM, 'Workaround provided:\n1. restart the Geo log cursor\n2. resync the failed projects'],
  [130, MARIA, 'Customer confirmed replication is catching up 🎉'],
];

const ISSUE_3: Said[] = [
  [2, SAM, 'Every page returns 500 after the patch upgrade. Customer is down.'],
  [15, LEE, 'Escalated to the dev on call for the upgrade.'],
  [48, SAM, 'Rolled back the patch; the instance is serving again.'],
];

export function seedDiscussion(now: Date): Pick<SandboxState, 'notes' | 'labelEvents' | 'timelineEvents'> {
  const notes: SandboxNote[] = [];
  const labelEvents: SandboxLabelEvent[] = [];
  // Issue iid N of the emergencies project has global id 5000 + N and was created N days after "20 days ago".
  const add = (iid: number, said: Said[]) => {
    const created = now.getTime() - (20 - iid) * DAY;
    for (const [minutes, authorId, body, system = false] of said) {
      const at = new Date(created + minutes * MINUTE).toISOString();
      notes.push({ id: 600 + notes.length + 1, issueId: 5000 + iid, body, authorId, system, internal: false, createdAt: at, updatedAt: at });
    }
    labelEvents.push({ id: 800 + labelEvents.length + 1, issueId: 5000 + iid, userId: SAM, label: 'customer-emergency', action: 'add', createdAt: new Date(created + MINUTE).toISOString() });
  };
  add(1, ISSUE_1);
  add(3, ISSUE_3);
  return { notes, labelEvents, timelineEvents: [] };
}

/** `count` extra comments on an issue (the bench's "issue with 1,000 notes"). */
export function addManyNotes(state: SandboxState, issueId: number, count: number, start: Date): void {
  const base = Math.max(0, ...state.notes.map((n) => n.id));
  for (let i = 0; i < count; i += 1) {
    const at = new Date(start.getTime() + i * MINUTE).toISOString();
    state.notes.push({ id: base + i + 1, issueId, body: `Update ${i + 1}: still investigating, see the logs`, authorId: i % 3 === 0 ? SAM : LEE, system: i % 5 === 0, internal: false, createdAt: at, updatedAt: at });
  }
}
