/**
 * A large, deterministic data set for the review page and the bench: `count` retros in the
 * emergencies project over the last six months, owned by a dozen managers (and a few by Maria,
 * the API token's user), plus `customer-retro` follow-ups in gitlab-org/gitlab.
 */
import { PROJECT_IDS, USER_IDS, ymd } from './seed.ts';
import type { SandboxIssue, SandboxState } from './types.ts';

const DAY = 86_400_000;
const MANAGERS = 12;
const FOLLOW_UP_LABELS = [['type::bug'], ['type::feature'], ['documentation'], ['handbook'], []];

/** mulberry32: the same "random" world on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function addLargeRetros(state: SandboxState, count: number, now = new Date()): void {
  const rnd = random(20260101);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const managerIds = Array.from({ length: MANAGERS }, (_, i) => 200 + i);
  for (const id of managerIds) {
    const n = String(id - 199).padStart(2, '0');
    state.users.push({ id, username: `manager-${n}`, name: `Manager ${n}`, email: `manager-${n}@example.com`, jobTitle: 'Support Engineering Manager', createdAt: new Date(now.getTime() - 900 * DAY).toISOString() });
  }
  const base = (n: number, projectId: number, created: number): SandboxIssue => ({
    id: 100_000 + n, iid: 1000 + n, projectId, title: '', description: 'Generated for the large data set.', state: 'opened',
    issueType: 'issue', layout: 'classic', labels: [], assigneeIds: [], authorId: USER_IDS.sam, dueDate: null, severity: 'UNKNOWN',
    createdAt: new Date(created).toISOString(), updatedAt: new Date(created).toISOString(), closedAt: null, closedById: null, userNotesCount: 2,
  });
  for (let n = 0; n < count; n += 1) {
    const created = now.getTime() - Math.floor(rnd() * 175 * DAY) - DAY;
    const issue = base(n, PROJECT_IDS.emergencies, created);
    const kind = rnd();
    const owner = n % 25 === 0 ? USER_IDS.maria : pick(managerIds);
    issue.title = `Customer emergency: ${pick(['Geo lag', 'runner outage', 'SAML loop', 'registry 503', 'upgrade failure', 'LFS loss'])}`; // its number is the issue's own
    issue.assigneeIds = [owner];
    issue.updatedAt = new Date(created + rnd() * (now.getTime() - created)).toISOString();
    if (kind < 0.5) {
      issue.labels = ['customer-emergency', 'retro', 'retro-actions'];
      // As the handbook has it: retro-actions applied after the emergency, due one week later.
      const applied = Math.min(now.getTime() - DAY / 24, Math.max(created + DAY, now.getTime() - 37 * DAY + rnd() * 45 * DAY));
      issue.dueDate = ymd(new Date(applied + 7 * DAY));
      state.labelEvents.push({ id: 200_000 + n, issueId: issue.id, userId: owner, label: 'retro-actions', action: 'add', createdAt: new Date(applied).toISOString() });
    } else if (kind < 0.75) {
      issue.labels = ['customer-emergency', 'retro'];
    } else {
      Object.assign(issue, { labels: ['customer-emergency', 'retro', 'retro-actions'], state: 'closed', closedAt: issue.updatedAt, closedById: owner });
    }
    state.issues.push(issue);
  }
  for (let n = 0; n < Math.ceil(count / 3); n += 1) {
    const issue = base(count + n, PROJECT_IDS.gitlab, now.getTime() - Math.floor(rnd() * 175 * DAY) - DAY);
    Object.assign(issue, { title: 'Follow-up of an emergency retro', labels: ['customer-retro', ...pick(FOLLOW_UP_LABELS)], authorId: pick(managerIds) });
    state.issues.push(issue);
  }
}
