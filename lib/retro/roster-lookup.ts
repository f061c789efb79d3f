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
