/**
 * Reading the manager roster. Kept apart from the parser (roster.ts) so that the retro panel,
 * which only looks names up, does not carry the YAML parser.
 */

/** engineer username → manager username; both lower-case, no `@`. */
export type Roster = Record<string, string>;

export const normalizeUsername = (name: string): string => name.trim().replace(/^@/, '').toLowerCase();

export function managerOf(roster: Roster, engineer: string): string | undefined {
  const key = normalizeUsername(engineer);
  return Object.hasOwn(roster, key) ? roster[key] : undefined;
}

/**
 * The engineer who responded, among the assignees: one the roster knows who is not another
 * assignee's manager (a manager assigned is not the responder), preferring one whose manager is
 * assigned already (retro-actions were applied for them); else the first assignee.
 */
export function respondingEngineer(assignees: readonly string[], roster: Roster): string {
  const assigned = new Set(assignees.map(normalizeUsername));
  const managers = new Set(assignees.map((name) => managerOf(roster, name)));
  const known = assignees.filter((name) => managerOf(roster, name) && !managers.has(normalizeUsername(name)));
  return known.find((name) => assigned.has(managerOf(roster, name)!)) ?? known[0] ?? assignees[0] ?? '';
}
