import { describe, expect, it } from 'vitest';
import { formatRoster, managerOf, parseRoster } from '@/lib/retro/roster';

const ok = (text: string) => {
  const result = parseRoster(text);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result;
};
const errorsOf = (text: string) => {
  const result = parseRoster(text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};

describe('parseRoster: formats', () => {
  it('reads a YAML mapping with comments, blank lines, quotes and @', () => {
    const text = `# Support EMEA\n\nalice: bob\n'@Carol': '@Dave'  # on leave\n@erin: @frank\n"g.h-i_9": j\n`;
    expect(ok(text)).toEqual({
      ok: true,
      format: 'yaml',
      roster: { alice: 'bob', carol: 'dave', erin: 'frank', 'g.h-i_9': 'j' },
    });
  });

  it('reads a roster whose every line is indented alike (pasted from a document), and indented comments', () => {
    expect(ok('  alice: bob\n    # on leave next week\n  carol: dave\n').roster).toEqual({ alice: 'bob', carol: 'dave' });
  });

  it('accepts `alice:bob` without the space YAML needs, since usernames never contain `:`', () => {
    expect(ok('alice:bob\n@carol:@dave\n').roster).toEqual({ alice: 'bob', carol: 'dave' });
  });

  it('keeps YAML scalars as usernames, not numbers or booleans', () => {
    expect(ok('123: yes\nnull: on\n').roster).toEqual({ '123': 'yes', null: 'on' });
  });

  it('reads CSV with a header, spaces, quotes, @ and CRLF', () => {
    const text = 'Engineer, Manager\r\n# comment\r\nalice , bob\r\n"@carol","dave"\r\n\r\n\'erin\', @Frank\r\n';
    expect(ok(text)).toEqual({ ok: true, format: 'csv', roster: { alice: 'bob', carol: 'dave', erin: 'frank' } });
  });

  it('reads a file that starts with a byte-order mark, in any format', () => {
    expect(ok('\uFEFF{"alice": "bob"}')).toMatchObject({ ok: true, format: 'json', roster: { alice: 'bob' } });
    expect(ok('\uFEFFalice,bob')).toMatchObject({ ok: true, format: 'csv', roster: { alice: 'bob' } });
  });

  it('reads JSON, with @ on either side', () => {
    expect(ok('{"alice": "bob", "@Carol": "@dave"}')).toEqual({
      ok: true,
      format: 'json',
      roster: { alice: 'bob', carol: 'dave' },
    });
  });

  it('treats blank or comment-only text as an empty roster', () => {
    expect(ok('')).toEqual({ ok: true, format: 'empty', roster: {} });
    expect(ok('  \n# nobody yet\n')).toEqual({ ok: true, format: 'empty', roster: {} });
  });

  it('allows the same pair twice', () => {
    expect(ok('alice: bob\nALICE: @Bob\n').roster).toEqual({ alice: 'bob' });
  });

  it('stores a user called __proto__ as data', () => {
    const { roster } = ok('__proto__: bob\n');
    expect(Object.keys(roster)).toEqual(['__proto__']);
    expect(managerOf(roster, '__proto__')).toBe('bob');
  });
});

describe('parseRoster: errors name the line and the fix', () => {
  it.each([
    ['YAML line without a colon', 'alice: bob\ncarol dave\n', 2, 'line 2: expected `engineer: manager` (or `engineer,manager`)'],
    ['YAML line without a colon, mid-file', 'alice: bob\ncarol dave\nerin: frank\n', 2, 'expected `engineer: manager`'],
    ['YAML nested value', 'alice: bob\ncarol: dave: erin\n', 2, 'expected `engineer: manager`'],
    ['YAML list instead of a mapping', '# x\n- alice\n- bob\n', 2, 'expected `engineer: manager`'],
    ['single word', '\nalice\n', 2, 'expected `engineer: manager`'],
    ['YAML pair indented under another', 'a-x: b-y\nc-x: d-y\n  e-x: f-y\n', 3, 'line 3: is indented under the line above'],
    ['YAML missing manager', 'alice: bob\n\ncarol:\n', 3, 'line 3: `carol` has no manager'],
    ['CSV line without a comma', 'alice,bob\ncarol dave\n', 2, 'line 2: expected `engineer: manager` (or `engineer,manager`)'],
    ['CSV line with three fields', 'alice,bob\ncarol,dave,erin\n', 2, 'expected `engineer: manager`'],
    ['CSV empty manager', 'alice,bob\ncarol,\n', 2, 'line 2: a username is missing'],
    ['invalid characters', 'alice: bob\nal ice: carol\n', 2, 'line 2: `al ice` is not a GitLab username'],
    ['invalid manager', 'alice: bob\ncarol: "d/ave"\n', 2, '`d/ave` is not a GitLab username'],
    ['.git ending', 'alice: bob.git\n', 1, 'cannot end in .git or .atom'],
    ['.atom ending', 'alice.atom: bob\n', 1, 'cannot end in .git or .atom'],
    ['too long', `${'a'.repeat(256)}: bob\n`, 1, 'is not a GitLab username'],
    ['self-manager', 'alice: bob\n\n@Carol: carol\n', 3, 'line 3: `carol` cannot be their own manager'],
    ['two managers', 'alice: bob\ncarol: dave\nalice: erin\n', 3, 'line 3: `alice` already has manager `bob` on line 1; keep one line'],
    ['two managers, CSV', 'alice,bob\nalice,erin\n', 2, 'already has manager `bob` on line 1'],
    ['two managers, JSON', '{\n  "alice": "bob",\n  "alice": "erin"\n}', 3, 'already has manager `bob` on line 2'],
    ['JSON syntax', '{\n  "alice": "bob",\n}\n', 3, 'line 3: this is not valid JSON'],
    ['JSON non-string manager', '{\n  "alice": 42\n}', 2, 'expected `engineer: manager`'],
    ['JSON array value', '{"alice": ["bob"]}', 1, 'expected `engineer: manager`'],
  ])('%s', (_name, text, line, message) => {
    const errors = errorsOf(text);
    expect(errors[0]).toMatchObject({ line });
    expect(errors[0]!.message).toContain(message);
    expect(errors[0]!.message.startsWith(`line ${line}: `)).toBe(true);
  });

  it('reports every bad line, not just the first', () => {
    expect(errorsOf('al ice: bob\ncarol: dave\nerin: erin\n').map((e) => e.line)).toEqual([1, 3]);
  });

  it('rejects more than 2,000 entries at the first one too many', () => {
    const text = Array.from({ length: 2_001 }, (_, i) => `user${i}: boss`).join('\n');
    expect(ok(text.split('\n').slice(0, 2_000).join('\n')).format).toBe('yaml');
    expect(errorsOf(text)).toEqual([
      { line: 2_001, message: 'line 2001: the roster has more than 2,000 entries; keep only current engineers' },
    ]);
  });

  it('rejects text over 100 kB without parsing it', () => {
    const text = `# ${'x'.repeat(100_000)}\nalice: bob\n`;
    expect(errorsOf(text)).toEqual([
      { line: 1, message: 'line 1: the roster is larger than 100 kB; keep only current engineers' },
    ]);
  });
});

describe('formatRoster', () => {
  it('writes sorted YAML lines that parse back to the same roster', () => {
    const roster = { carol: 'dave', alice: 'bob', '123': 'yes' };
    const text = formatRoster(roster);
    expect(text).toBe('123: yes\nalice: bob\ncarol: dave\n');
    expect(ok(text).roster).toEqual(roster);
  });

  it('writes nothing for an empty roster', () => {
    expect(formatRoster({})).toBe('');
  });
});

describe('managerOf', () => {
  const roster = { alice: 'bob' };

  it.each([
    ['alice', 'bob'],
    ['@Alice', 'bob'],
    [' ALICE ', 'bob'],
    ['carol', undefined],
    ['constructor', undefined],
    ['toString', undefined],
  ])('%j → %j', (engineer, expected) => {
    expect(managerOf(roster, engineer)).toBe(expected);
  });
});
