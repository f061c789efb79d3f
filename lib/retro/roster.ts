/**
 * The manager roster: support engineer → manager (GitLab has no manager field).
 * Pasted by a person into the options page as YAML, CSV or JSON, so every error names
 * its line and says what to write instead.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Scalar } from 'yaml';
import { normalizeUsername as normalize, type Roster } from './roster-lookup';

export { managerOf, type Roster } from './roster-lookup';
export type RosterFormat = 'yaml' | 'csv' | 'json' | 'empty';
export interface RosterError { line: number; message: string }
export type ParseRosterResult =
  | { ok: true; roster: Roster; format: RosterFormat }
  | { ok: false; errors: RosterError[] };

interface Entry { line: number; engineer: string; manager: string }
type Read = { entries: Entry[] } | { errors: RosterError[] };

const MAX_ENTRIES = 2_000;
const MAX_BYTES = 100_000;
const SHAPE = 'expected `engineer: manager` (or `engineer,manager`)';
const err = (line: number, message: string): RosterError => ({ line, message: `line ${line}: ${message}` });

export function parseRoster(input: string): ParseRosterResult {
  // A file saved by Excel or Notepad may start with a byte-order mark: not part of the roster.
  const text = input.replace(/^\uFEFF/, '');
  if (new TextEncoder().encode(text).length > MAX_BYTES) {
    return { ok: false, errors: [err(1, 'the roster is larger than 100 kB; keep only current engineers')] };
  }
  const content = text.split(/\r\n|\r|\n/)
    .map((raw, i) => ({ line: i + 1, text: raw.trim() }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#'));
  if (content.length === 0) return { ok: true, roster: {}, format: 'empty' };

  // CSV when no line has a colon: then a stray line without a comma is reported on its own line.
  const format = text.trim().startsWith('{') ? 'json'
    : content.every((l) => !l.text.includes(':')) && content.some((l) => l.text.includes(',')) ? 'csv'
    : 'yaml';
  const read = format === 'json' ? readJson(text) : format === 'csv' ? readCsv(content) : readYaml(text);
  if ('errors' in read) return { ok: false, errors: read.errors };
  return build(read.entries, format);
}

/** YAML lines `alice: bob`, sorted, one per engineer. */
export function formatRoster(roster: Roster): string {
  const lines = Object.keys(roster).sort().map((engineer) => `${engineer}: ${roster[engineer]}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}


function usernameProblem(name: string): string | null {
  if (name === '') return 'a username is missing';
  if (!/^[a-z0-9_.-]{1,255}$/.test(name)) {
    return `\`${name}\` is not a GitLab username (letters, digits, \`_\`, \`-\`, \`.\`; at most 255)`;
  }
  return /\.(git|atom)$/.test(name) ? `\`${name}\` is not a GitLab username (it cannot end in .git or .atom)` : null;
}

function build(entries: Entry[], format: RosterFormat): ParseRosterResult {
  if (entries.length > MAX_ENTRIES) {
    return { ok: false, errors: [err(entries[MAX_ENTRIES]!.line, 'the roster has more than 2,000 entries; keep only current engineers')] };
  }
  const errors: RosterError[] = [];
  const seen = new Map<string, Entry>();
  for (const raw of entries) {
    const e = { ...raw, engineer: normalize(raw.engineer), manager: normalize(raw.manager) };
    const problem = usernameProblem(e.engineer) ?? usernameProblem(e.manager);
    const before = seen.get(e.engineer);
    if (problem) errors.push(err(e.line, problem));
    else if (e.engineer === e.manager) errors.push(err(e.line, `\`${e.engineer}\` cannot be their own manager`));
    else if (before && before.manager !== e.manager) {
      errors.push(err(e.line, `\`${e.engineer}\` already has manager \`${before.manager}\` on line ${before.line}; keep one line`));
    } else if (!before) seen.set(e.engineer, e);
  }
  if (errors.length) return { ok: false, errors };
  // fromEntries defines own properties, so even a user named `__proto__` is stored as data.
  const roster = Object.fromEntries([...seen.values()].map((e) => [e.engineer, e.manager]));
  return { ok: true, roster, format };
}

function readCsv(content: { line: number; text: string }[]): Read {
  const unquote = (f: string) => f.trim().replace(/^(["'])(.*)\1$/, '$2');
  const errors: RosterError[] = [];
  const entries: Entry[] = [];
  content.forEach(({ line, text }, i) => {
    const fields = text.split(',').map(unquote);
    const [engineer, manager] = fields;
    if (i === 0 && fields.join(',').toLowerCase() === 'engineer,manager') return; // header
    if (fields.length !== 2 || engineer === undefined || manager === undefined) errors.push(err(line, SHAPE));
    else entries.push({ line, engineer, manager });
  });
  return errors.length ? { errors } : { entries };
}

function readJson(text: string): Read {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { errors: [err(jsonErrorLine(text, String(e)), 'this is not valid JSON; expected `{"engineer": "manager", …}`')] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { errors: [err(1, 'expected a JSON object like `{"engineer": "manager"}`')] };
  }
  // Re-read with yaml for line numbers and duplicate keys, which JSON.parse drops.
  return readYaml(text, true);
}

/** V8 reports a character position, Firefox a line; without either, blame the last line. */
function jsonErrorLine(text: string, message: string): number {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  const upTo = pos ? text.slice(0, Number(pos[1])) : text.trimEnd();
  return upTo.split(/\r\n|\r|\n/).length;
}

/** A roster is flat: the line (1-based; 0 for none) of a pair indented deeper than the first one, whatever YAML would blame. */
function deeperIndented(text: string): number {
  const indents = text.split('\n').map((line) => (/^\s*(?:#|$)/.test(line) ? -1 : /^[ \t]*/.exec(line)![0].length));
  const first = indents.find((indent) => indent >= 0) ?? 0;
  return indents.findIndex((indent) => indent > first) + 1;
}

function readYaml(text: string, fromJson = false): Read {
  // YAML reserves `@`, so `@alice: @bob` would not parse; usernames never contain `@`.
  // `alice:bob` is a single plain scalar in YAML; usernames never contain `:`, so add the space.
  const source = fromJson ? text : text
    .replace(/^(\s*[\w.@-]+):(?=[^\s#])/gm, '$1: ')
    .replace(/^(\s*)@/gm, '$1').replace(/(:[ \t]+)@/g, '$1');
  const deeper = fromJson ? -1 : deeperIndented(text);
  if (deeper > 0) return { errors: [err(deeper, `is indented under the line above; write each pair at the same indent (${SHAPE})`)] };
  const lineCounter = new LineCounter();
  // failsafe: every scalar stays a string, so `123: yes` is two usernames, not a number and a boolean.
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false, schema: 'failsafe' });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length) {
    const lines = [...new Set(doc.errors.map((e) => lineAt(e.pos[0])))];
    return { errors: lines.map((line) => err(line, SHAPE)) };
  }
  return entriesOf(doc, lineAt, fromJson);
}

function entriesOf(doc: Document, lineAt: (offset: number) => number, fromJson: boolean): Read {
  const root = doc.contents;
  if (root === null) return { entries: [] };
  if (!isMap(root)) return { errors: [err(lineAt(root.range?.[0] ?? 0), SHAPE)] };
  const errors: RosterError[] = [];
  const entries: Entry[] = [];
  const isName = (n: unknown): n is Scalar => isScalar(n) && (!fromJson || n.type === 'QUOTE_DOUBLE');
  for (const { key, value } of root.items) {
    const line = lineAt((isScalar(key) ? key.range : root.range)?.[0] ?? 0);
    if (!isName(key) || !(value === null || isName(value))) errors.push(err(line, SHAPE));
    else if (value === null || String(value.value).trim() === '') {
      errors.push(err(line, `\`${String(key.value)}\` has no manager; ${SHAPE}`));
    } else entries.push({ line, engineer: String(key.value), manager: String(value.value) });
  }
  return errors.length ? { errors } : { entries };
}
