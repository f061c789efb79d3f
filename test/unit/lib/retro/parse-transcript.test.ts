import { describe, expect, it } from 'vitest';
import { parseTranscript } from '@/lib/retro/transcript/parse-transcript';

const UTC = { date: '2025-03-04', zone: 'UTC', today: '2025-03-20' };
const times = (text: string, opts = UTC) => parseTranscript(text, opts).messages.map((m) => [new Date(m.at).toISOString().slice(0, 16), m.author ?? null, m.text]);

describe('transcript formats', () => {
  it('reads a Slack copy: name and time header, message lines under it, 12-hour clock', () => {
    const text = [
      'Sam Support  10:32 AM',
      'Customer reports 500s on every page',
      'Opened ticket #512345',
      'Lee Lead  10:35 AM',
      'Paging infra :rotating_light:',
    ].join('\n');
    expect(times(text)).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'Customer reports 500s on every page\nOpened ticket #512345'],
      ['2025-03-04T10:35', 'Lee Lead', 'Paging infra :rotating_light:'],
    ]);
  });

  it('reads Slack with the name on its own line above the time, (edited) marks, emoji, attachments and blank lines', () => {
    const text = [
      'Maria Manager 🌍',
      '1:05 PM',
      'Escalated to dev 🙏 (edited)',
      '',
      'dump.tar.gz',
      'Sam Support  [1:10 PM]',
      'Workaround: restart sidekiq',
    ].join('\n');
    expect(times(text)).toEqual([
      ['2025-03-04T13:05', 'Maria Manager 🌍', 'Escalated to dev 🙏\ndump.tar.gz'],
      ['2025-03-04T13:10', 'Sam Support', 'Workaround: restart sidekiq'],
    ]);
  });

  it('reads Zoom chat, with and without a recipient', () => {
    const text = '10:32:05 From Sam Support to Everyone: customer is back online\n10:40:10 From Lee Lead : thanks all';
    expect(times(text)).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'customer is back online'],
      ['2025-03-04T10:40', 'Lee Lead', 'thanks all'],
    ]);
    expect(parseTranscript(text, UTC).messages[0]!.at).toBe(Date.parse('2025-03-04T10:32:05.000Z'));
  });

  it('a date on the line under a Zoom message is part of it: Zoom chats have no day dividers', () => {
    const text = '10:32:05 From Sam Support to Everyone: last seen working on\nDec 1\n10:40:10 From Lee Lead to Everyone: thanks';
    expect(times(text)).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'last seen working on\nDec 1'],
      ['2025-03-04T10:40', 'Lee Lead', 'thanks'],
    ]);
  });

  it('reads Microsoft Teams lines: the display name before the first colon is the speaker', () => {
    const text = '[10:32 AM] Sam Support: customer is back\nchecking the logs: all green\n[10:35 AM] Ana de la Cruz: thanks: closing\n[14:40] Lee Lead (External): retro booked';
    // A message's next lines join it; a colon in the message is part of it.
    expect(parseTranscript(text, UTC).messages.map((m) => [m.line, m.author, m.text])).toEqual([
      [1, 'Sam Support', 'customer is back\nchecking the logs: all green'], [3, 'Ana de la Cruz', 'thanks: closing'], [4, 'Lee Lead (External)', 'retro booked'],
    ]);
    expect(times(text).map((t) => t[0]!.slice(11))).toEqual(['10:32', '10:35', '14:40']);
  });

  it('Teams: a day divider between messages moves the day, and "Last, First" directory names are speakers', () => {
    const text = "[10:32 AM] Sam Support: start\nMarch 5, 2025\n[9:00 AM] O'Brien, Pat: next day";
    expect(times(text)).toEqual([['2025-03-04T10:32', 'Sam Support', 'start'], ['2025-03-05T09:00', "O'Brien, Pat", 'next day']]);
    // A comma is no name by itself: "[10:33] Update, again: …" stays a note.
    expect(times('[10:33] Update, again: disk full').map((t) => t[1])).toEqual([null]);
  });

  it('takes no speaker from a typed note with a colon, and still asks for the date of a dated Teams line', () => {
    const notes = [
      '[10:32 AM] Sam Support: customer is back',
      '10:33 Note: disk full',
      '10:34 Sam Support: not bracketed',
      '(10:35) Sam Support: in parentheses',
      '[10:36 AM] Update: single word',
      '[10:37 AM] the customer said: still down',
      '[10:38 AM] HTTP 502: on every page',
      '[10:39 AM] Thanks Lee: ok',
    ].join('\n\n');
    expect(times(notes).map((t) => [t[1], t[2]])).toEqual([
      ['Sam Support', 'customer is back'], [null, 'Note: disk full'], [null, 'Sam Support: not bracketed'], [null, 'Sam Support: in parentheses'],
      [null, 'Update: single word'], [null, 'the customer said: still down'], [null, 'HTTP 502: on every page'], [null, 'Thanks Lee: ok'],
    ]);
    const dated = parseTranscript('[3/4/2025 10:32 AM] Sam Support: customer is back', UTC);
    expect(dated.messages).toEqual([]);
    expect(dated.unplaced.map((u) => u.reason)).toEqual(['a date written day or month first: give its date and time']);
  });

  it('reads HH:MM lines, bracketed times and 12-hour times with dots', () => {
    expect(times('09:05 started upgrade\n[09:17] 500s begin\n9:30 p.m. - rollback done')).toEqual([
      ['2025-03-04T09:05', null, 'started upgrade'],
      ['2025-03-04T09:17', null, '500s begin'],
      ['2025-03-04T21:30', null, 'rollback done'],
    ]);
  });

  it('reads YYYY-MM-DD HH:MM and ISO 8601 with Z and with offsets', () => {
    expect(times('2025-03-05 08:00 retro scheduled\n2025-03-05T09:15:00Z deploy\n2025-03-05T11:15:00+02:00 same instant')).toEqual([
      ['2025-03-05T08:00', null, 'retro scheduled'],
      ['2025-03-05T09:15', null, 'deploy'],
      ['2025-03-05T09:15', null, 'same instant'],
    ]);
  });

  it('treats 12 AM as midnight and 12 PM as noon', () => {
    expect(times('12:10 AM a\n12:10 PM b').map((t) => t[0])).toEqual(['2025-03-04T00:10', '2025-03-04T12:10']);
  });
});

describe('dates, zones and rollover', () => {
  it('rolls over past midnight when times without dates go backwards', () => {
    expect(times('23:50 still down\n23:58 restart\n00:07 recovered\n00:05 oops, out of order').map((t) => t[0])).toEqual([
      '2025-03-04T23:50', '2025-03-04T23:58', '2025-03-05T00:07', '2025-03-05T00:05',
    ]);
  });

  it('takes the day from a dated line and from Slack day dividers', () => {
    const text = '2025-03-10 22:00 first\n23:30 second\nTuesday, March 11th\n01:00 AM third';
    expect(times(text).map((t) => t[0])).toEqual(['2025-03-10T22:00', '2025-03-10T23:30', '2025-03-11T01:00']);
  });

  it('reads Slack\'s "Yesterday" and "Today" dividers as days before the paste, and says so', () => {
    const text = ['Yesterday', 'Sam Support  11:50 PM', 'still down', 'Today', 'Lee Lead  12:10 AM', 'back up'].join('\n');
    const result = parseTranscript(text, UTC);
    expect(times(text)).toEqual([
      ['2025-03-19T23:50', 'Sam Support', 'still down'],
      ['2025-03-20T00:10', 'Lee Lead', 'back up'],
    ]);
    expect(result.relativeDays).toEqual({ today: '2025-03-20', read: ['Yesterday', 'Today'] });
    expect(result.unplaced).toEqual([]);
  });

  it('leaves "today" inside a message alone and names no reference day without a divider', () => {
    const result = parseTranscript('10:00 deploy planned\ntoday\nToday?', UTC);
    expect(result.messages.map((m) => m.text)).toEqual(['deploy planned\ntoday\nToday?']);
    expect(result.relativeDays).toBeUndefined();
  });

  it('reads times in the given zone, across a DST change', () => {
    const opts = { date: '2025-03-09', zone: 'America/New_York', today: '2025-03-20' };
    expect(times('01:30 before the change\n03:30 after the change', opts).map((t) => t[0])).toEqual(['2025-03-09T06:30', '2025-03-09T07:30']);
  });
});

describe('lines it cannot place', () => {
  it('returns them with line numbers and a reason, never drops them', () => {
    const text = ['Notes from the bridge', '', '10:00 call opened', '', 'someone joined', '25:61 impossible time', 'Lee Lead  10:05 AM'].join('\n');
    const result = parseTranscript(text, UTC);
    expect(result.messages.map((m) => m.text)).toEqual(['call opened']);
    expect(result.unplaced).toEqual([
      { line: 1, text: 'Notes from the bridge', reason: 'no time on this line' },
      { line: 5, text: 'someone joined', reason: 'no time on this line' },
      { line: 6, text: '25:61 impossible time', reason: 'the time is not a valid time of day' },
      { line: 7, text: 'Lee Lead  10:05 AM', reason: 'a name and time with no message under it' },
    ]);
  });

  it('shows a time with no message, or a name over a time with none, as written', () => {
    expect(parseTranscript('2025-03-04T10:32:05Z', UTC).unplaced).toEqual([{ line: 1, text: '2025-03-04T10:32:05Z', reason: 'a time with no message' }]);
    expect(parseTranscript('10:00 start\n\nSam Support\n10:40 AM', UTC).unplaced).toEqual([
      { line: 3, text: 'Sam Support 10:40 AM', reason: 'a name and time with no message under it' },
    ]);
  });

  it('accepts Windows line endings and keeps a sentence that merely ends with a time as text', () => {
    const result = parseTranscript('10:00 start\r\nthe deploy finished at 10:32\r\n', UTC);
    expect(result.messages).toEqual([{ line: 1, at: Date.parse('2025-03-04T10:00:00.000Z'), text: 'start\nthe deploy finished at 10:32' }]);
    expect(result.unplaced).toEqual([]);
  });
});

describe('messy real-world copies', () => {
  it('takes every speaker\'s name from the line above the time, not only the first one\'s', () => {
    const text = 'Sam Support\n10:32 AM\nrestarting\n\nLee Lead\n10:35 AM\nok thanks\nMaria Manager\n10:40 AM\nescalating';
    expect(times(text)).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'restarting'],
      ['2025-03-04T10:35', 'Lee Lead', 'ok thanks'],
      ['2025-03-04T10:40', 'Maria Manager', 'escalating'],
    ]);
  });

  it('gives a bare time with no name above it to the same speaker, as Slack shows a follow-up', () => {
    expect(times('Sam Support  10:32 AM\nfirst\n10:33 AM\nsecond')).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'first'],
      ['2025-03-04T10:33', 'Sam Support', 'second'],
    ]);
  });

  it('keeps lines that only look like day dividers as message text, and moves no date', () => {
    const text = ['10:00 deploy', 'Maybe 5', 'market 12', 'Lee Lead  10:01 AM', 'Yesterday', 'Sam Support  10:02 AM', 'ok', 'March 3'].join('\n');
    const result = parseTranscript(text, UTC);
    expect(times(text)).toEqual([
      ['2025-03-04T10:00', null, 'deploy\nMaybe 5\nmarket 12'],
      ['2025-03-04T10:01', 'Lee Lead', 'Yesterday'],
      ['2025-03-04T10:02', 'Sam Support', 'ok\nMarch 3'],
    ]);
    expect(result.unplaced).toEqual([]);
    expect(result.relativeDays).toBeUndefined();
  });

  it('reads a yearless divider as the nearest such day, so New Year\'s Eve rolls into the next year', () => {
    expect(times('2024-12-31 23:50 start\nWednesday, January 1st\n00:10 fixed').map((t) => t[0])).toEqual(['2024-12-31T23:50', '2025-01-01T00:10']);
  });

  it('reads 2025/03/04 and tab-separated dates; a day-first or month-first date goes to the user', () => {
    const result = parseTranscript('10:00 first\n2025/03/04 11:40 slash\n2025-03-04\t11:45 tab\n04.03.2025 12:00 dotted', UTC);
    expect(result.messages.map((m) => [new Date(m.at).toISOString().slice(11, 16), m.text])).toEqual([['10:00', 'first'], ['11:40', 'slash'], ['11:45', 'tab']]);
    expect(result.unplaced).toEqual([{ line: 4, text: '04.03.2025 12:00 dotted', reason: 'a date written day or month first: give its date and time' }]);
  });

  it('leaves out Slack\'s own interface lines and says how many', () => {
    const text = ['Sam Support  10:32 AM', 'restarting puma', ':+1: 3 :eyes: 1', '2 replies', 'Last reply 5 minutes ago', 'View thread', '(edited)'].join('\n');
    const result = parseTranscript(text, UTC);
    expect(result.messages.map((m) => m.text)).toEqual(['restarting puma']);
    expect(result.skipped).toBe(5);
  });

  it('keeps a message line that is a shortcode and a status code: only a count of one or two digits is a reaction', () => {
    const result = parseTranscript('Sam Support  10:32 AM\n:warning: 502\n:x: 504\n:+1: 12', UTC);
    expect(result.messages.map((m) => m.text)).toEqual([':warning: 502\n:x: 504']);
    expect(result.skipped).toBe(1);
  });

  it('reads the timestamps GitLab\'s own logs write (runit\'s svlogd, as gitlab-ctl tail prints them) as dated lines', () => {
    const result = parseTranscript('10:00 tailing gitaly\n\n2025-03-04_10:32:05.12345 permission denied\n- 2025-03-04_10:33:00.5 retrying', UTC);
    expect(result.messages.map((m) => [new Date(m.at).toISOString(), m.text])).toEqual([
      ['2025-03-04T10:00:00.000Z', 'tailing gitaly'],
      ['2025-03-04T10:32:05.000Z', 'permission denied'],
      ['2025-03-04T10:33:00.000Z', 'retrying'],
    ]);
    expect(result.unplaced).toEqual([]);
    // svlogd stamps in UTC: the same moment whatever zone the chat is read in.
    const away = parseTranscript('2025-03-04_18:32:05.12345 Geo::RepositorySyncWorker failed', { ...UTC, zone: 'America/Los_Angeles' });
    expect(new Date(away.messages[0]!.at).toISOString()).toBe('2025-03-04T18:32:05.000Z');
  });

  it('reads "14:05 PM", old Mac line endings, and refuses a day that is not on the calendar', () => {
    expect(times('14:05 PM notified\r14:10 done')).toEqual([['2025-03-04T14:05', null, 'notified'], ['2025-03-04T14:10', null, 'done']]);
    expect(parseTranscript('2025-02-30 10:00 never', UTC).unplaced).toEqual([{ line: 1, text: '2025-02-30 10:00 never', reason: 'the date is not a day of the calendar' }]);
  });

  it('places or lists every line: none is dropped without a word, and each speaker keeps their words', () => {
    const text = [
      'bridge notes', 'Today', 'Sam Support', '9:58 AM', 'paged', '', 'Lee Lead', '10:01 AM', 'looking', 'at the logs :eyes:',
      '10:02', 'more', 'Maybe 5', '25:00 bad', '', 'orphan line', '2 replies', 'Yesterday',
    ];
    const result = parseTranscript(text.join('\n'), UTC);
    expect(result.messages.map((m) => [m.line, new Date(m.at).toISOString().slice(0, 16), m.author, m.text])).toEqual([
      [3, '2025-03-20T09:58', 'Sam Support', 'paged'],
      [7, '2025-03-20T10:01', 'Lee Lead', 'looking\nat the logs :eyes:'],
      // A bare time under a line that is no name: Lee again. A Slack message runs on past blank lines.
      [11, '2025-03-20T10:02', 'Lee Lead', 'more\nMaybe 5\n25:00 bad\norphan line\nYesterday'],
    ]);
    expect(result.unplaced).toEqual([{ line: 1, text: 'bridge notes', reason: 'no time on this line' }]);
    const placed = result.messages.flatMap((m) => [m.author, ...m.text.split('\n')]).concat(result.unplaced.map((u) => u.text));
    // What is left is the divider that set the day, the bare times, and the interface line that was counted.
    expect(text.filter((line) => line && !placed.includes(line))).toEqual(['Today', '9:58 AM', '10:01 AM', '10:02', '2 replies']);
    expect(result.skipped).toBe(1);
    expect(result.relativeDays).toEqual({ today: '2025-03-20', read: ['Today'] });
  });

  it('keeps the afternoon: a bare "1:07" after "1:05 PM" is 13:07, and "1:10" after "11:50 PM" is past midnight', () => {
    expect(times('Alice  1:05 PM\nrestarting\n1:07\ndone\nBob  1:10 PM\nthanks').map((t) => [t[0], t[1]])).toEqual([
      ['2025-03-04T13:05', 'Alice'], ['2025-03-04T13:07', 'Alice'], ['2025-03-04T13:10', 'Bob'],
    ]);
    expect(times('Alice  11:50 PM\nstill down\n1:10\nback').map((t) => t[0])).toEqual(['2025-03-04T23:50', '2025-03-05T01:10']);
  });

  it('in the name-then-time layout, a bare time under a message is the same speaker again', () => {
    expect(times('Alice\n10:32 AM\nchecking logs\n10:33 AM\nfound it').map((t) => [t[0], t[1], t[2]])).toEqual([
      ['2025-03-04T10:32', 'Alice', 'checking logs'], ['2025-03-04T10:33', 'Alice', 'found it'],
    ]);
  });

  it('keeps times inside a ``` block, and a message that is only a time, as text of their message', () => {
    const text = ['Alice  10:32 AM', "here's the log:", '```', '02:14:05 ERROR db timeout', '2025-03-01 02:14:05,123 ERROR', '```', 'Bob  10:35 AM', '6:00', 'Alice  10:36 AM', '10:45 works for me'];
    expect(times(text.join('\n'))).toEqual([
      ['2025-03-04T10:32', 'Alice', "here's the log:\n```\n02:14:05 ERROR db timeout\n2025-03-01 02:14:05,123 ERROR\n```"],
      ['2025-03-04T10:35', 'Bob', '6:00'],
      ['2025-03-04T10:36', 'Alice', '10:45 works for me'],
    ]);
  });

  it('a ``` block on one line opens none: the next timed line is an entry of its own', () => {
    expect(times('Sam Support  10:32 AM\n```sudo gitlab-ctl restart gitaly```\n10:40 restarted')).toEqual([
      ['2025-03-04T10:32', 'Sam Support', '```sudo gitlab-ctl restart gitaly```'],
      ['2025-03-04T10:40', null, 'restarted'],
    ]);
  });

  it('a ``` block outside any message only wraps lines read as usual, and its bare fences are left out', () => {
    const logs = ['```', '2025-03-04 10:33:00 ERROR x', '```', '10:40 customer confirmed'];
    for (const text of [logs, ['10:32 note', '', ...logs]]) {
      const result = parseTranscript(text.join('\n'), UTC);
      expect(result.messages.map((m) => [new Date(m.at).toISOString().slice(11, 16), m.text]).slice(-2)).toEqual([['10:33', 'ERROR x'], ['10:40', 'customer confirmed']]);
      expect(result.unplaced).toEqual([]);
    }
    // A fence with more on it than a language is listed, not dropped.
    expect(parseTranscript('```log 10:33 ERROR x\n10:40 ok\n```', UTC).unplaced.map((u) => u.text)).toEqual(['```log 10:33 ERROR x']);
    // Opened on a line that joins a message, the block is that message's text.
    expect(times('10:32 error was:\n```\n10:31:59 ERROR x\n```\n10:40 fixed').map((t) => t[2])).toEqual(['error was:\n```\n10:31:59 ERROR x\n```', 'fixed']);
  });

  it('reads headers of names that start with a digit or a bracket, and keeps a day-first date inside a message', () => {
    const text = ['1Password  10:33 AM', 'rotated', '[EXT] Carol  10:34 AM', 'line one', '04.03.2025 10:00 maintenance window', 'line three'];
    expect(times(text.join('\n'))).toEqual([
      ['2025-03-04T10:33', '1Password', 'rotated'],
      ['2025-03-04T10:34', '[EXT] Carol', 'line one\n04.03.2025 10:00 maintenance window\nline three'],
    ]);
  });

  it('on the night clocks go back, a time that seems to go backwards is the second one of the repeated hour', () => {
    const night = { date: '2025-11-02', zone: 'America/New_York', today: '2025-11-20' };
    expect(times('Bob  1:30 AM\nfirst\nAlice  1:55 AM\nsecond\nBob  1:05 AM\nafter the change', night).map((t) => t[0])).toEqual([
      '2025-11-02T05:30', '2025-11-02T05:55', '2025-11-02T06:05',
    ]);
  });

  it('reads Zoom\'s recipient in any case; a "From" line without a colon is an ordinary timed line', () => {
    expect(times('10:32:05 From Alice Smith To Everyone: hello').map((t) => t[1])).toEqual(['Alice Smith']);
    const long = `From a to b ${'x '.repeat(40_000)}`.trim();
    expect(parseTranscript(`10:32 ${long}`, UTC).messages.map((m) => [m.author ?? null, m.text])).toEqual([[null, long]]);
  });

  it('a typed note that says "From …:" is no Zoom line: Zoom writes seconds or a recipient, and no sender starts with a digit', () => {
    expect(times('10:45 From 10:00 to 10:30 no errors in logs: false alarm?')).toEqual([['2025-03-04T10:45', null, 'From 10:00 to 10:30 no errors in logs: false alarm?']]);
    expect(times('10:32 From the customer: they see 502')).toEqual([['2025-03-04T10:32', null, 'From the customer: they see 502']]);
    expect(times('10:32 From Sam Support to Everyone: hi').map((t) => t[1])).toEqual(['Sam Support']);
  });
});

describe('clocks, offsets and speakers, read as the chat meant them', () => {
  const berlin = { date: '2025-03-04', zone: 'Europe/Berlin', today: '2025-03-20' };
  const la = { date: '2025-03-04', zone: 'America/Los_Angeles', today: '2025-03-10' };

  it('a 24-hour chat keeps its mornings: "08:05" after "16:40" is the next morning, and so is Zoom\'s "03:00:00"', () => {
    expect(times('16:40 a\n08:05 b\n9:10 c', berlin).map((t) => t[0])).toEqual(['2025-03-04T15:40', '2025-03-05T07:05', '2025-03-05T08:10']);
    const zoom = '10:00:00 From A to Everyone: a\n15:00:00 From B to Everyone: b\n03:00:00 From C to Everyone: c';
    expect(times(zoom, berlin).map((t) => t[0])).toEqual(['2025-03-04T09:00', '2025-03-04T14:00', '2025-03-05T02:00']);
  });

  it('the chat\'s own times say which clock it uses: log lines with dates do not, and one AM/PM keeps it a 12-hour chat', () => {
    const logs = '2025-03-05T03:58:12Z api 502\n2025-03-05T04:01:00.123z api ok\nSam Support  8:05 PM\nconfirmed\n8:10\nclosing';
    expect(times(logs, la).at(-1)).toEqual(['2025-03-05T04:10', 'Sam Support', 'closing']);
    const quoted = 'Sam Support  1:05 PM\nwhen did it start\n14:00 is when the alerts fired\n1:07\nok';
    expect(times(quoted, la).at(-1)![0]).toBe('2025-03-04T21:07');
    // Without AM/PM, the half of the day that keeps the chat going forward (an hour late at most).
    expect(times('2025-03-04T09:59:00Z alert\n10:30 after\n12:05 PM next\n11:58 a late line', la).map((t) => t[0])).toEqual([
      '2025-03-04T09:59', '2025-03-04T18:30', '2025-03-04T20:05', '2025-03-04T19:58',
    ]);
  });

  it('once the chat has named its day, a divider naming an earlier one is something said, not a day change', () => {
    expect(times('Tuesday, March 4th\nSam  10:32 AM\nfirst line\nMarch 3\nAlex  10:33 AM\nok', la)).toEqual([
      ['2025-03-04T18:32', 'Sam', 'first line\nMarch 3'],
      ['2025-03-04T18:33', 'Alex', 'ok'],
    ]);
    // The day field alone may be a guess (it starts as today): the chat's dividers still set the day.
    const copied = { date: '2025-03-06', zone: 'America/Los_Angeles', today: '2025-03-06' };
    const text = 'Sam Support  4:40 PM\nalerts firing\nTuesday, March 4th\nLee Lead  9:10 AM\non it\nYesterday\nSam Support  9:00 AM\nstill broken';
    expect(times(text, copied)).toEqual([
      ['2025-03-07T00:40', 'Sam Support', 'alerts firing'],
      ['2025-03-04T17:10', 'Lee Lead', 'on it'],
      ['2025-03-05T17:00', 'Sam Support', 'still broken'],
    ]);
  });

  it('reads short offsets (PostgreSQL writes +01), lowercase t and z, and keeps the seconds', () => {
    expect(times('2025-03-04T10:32:05-08 db down\n2025-03-04 10:32:05+01 db down\n2025-03-04t10:40:00z up', la)).toEqual([
      ['2025-03-04T18:32', null, 'db down'],
      ['2025-03-04T09:32', null, 'db down'],
      ['2025-03-04T10:40', null, 'up'],
    ]);
    expect(parseTranscript('2025-03-04 10:32:05+01 x', la).messages[0]!.at).toBe(Date.parse('2025-03-04T09:32:05Z'));
    // Apart from the time, "-15" is what was said.
    expect(times('2025-03-04 10:32 -15 pods restarted', la)).toEqual([['2025-03-04T18:32', null, '-15 pods restarted']]);
  });

  it('counts on from a line with an offset in the chat\'s own zone: "15:05" after 23:00Z is the same afternoon in Los Angeles', () => {
    expect(times('2025-03-04T23:00:00Z alert fired\n3:05 PM ack', la).map((t) => t[0])).toEqual(['2025-03-04T23:00', '2025-03-04T23:05']);
    expect(times('2025-03-04T23:00:00+05:30 alert\n23:40 ack', berlin).map((t) => t[0])).toEqual(['2025-03-04T17:30', '2025-03-04T22:40']);
  });

  it('in the name-then-time layout, a file name or a one-word reply above a time is not a new speaker', () => {
    expect(times('Alex Ops\n10:35 AM\nrestarted the pods\nimage.png\n10:36 AM\nfixed', la)).toEqual([
      ['2025-03-04T18:35', 'Alex Ops', 'restarted the pods\nimage.png'],
      ['2025-03-04T18:36', 'Alex Ops', 'fixed'],
    ]);
    expect(times('Alex Ops\n10:35 AM\nlooking\nyes\n10:36 AM\nfixed', la).map((t) => t[1])).toEqual(['Alex Ops', 'Alex Ops']);
    // A speaker seen before is taken back even when the name is one lowercase word.
    expect(times('sam\n10:35 AM\nhi\nAlex Ops\n10:36 AM\nyo\nsam\n10:37 AM\nback', la).map((t) => t[1])).toEqual(['sam', 'Alex Ops', 'sam']);
  });

  it('reads Slack copies that mix the layouts: a header, then a titled name over a time; a sentence over a time is the same speaker', () => {
    const text = ['Sam Support  10:32 PM', 'customer says geo secondary is down', 'Lee Lead', '10:35 PM', 'joining the bridge', 'checking logs', '10:36 PM', 'found it'];
    expect(times(text.join('\n'), la)).toEqual([
      ['2025-03-05T06:32', 'Sam Support', 'customer says geo secondary is down'],
      ['2025-03-05T06:35', 'Lee Lead', 'joining the bridge\nchecking logs'],
      ['2025-03-05T06:36', 'Lee Lead', 'found it'],
    ]);
  });

  it('takes "Ana de la Cruz" as a new speaker, but not "Done", "LGTM" or an emoji under a header', () => {
    expect(times('Lee Lead\n10:32 AM\nis it back?\nAna de la Cruz\n10:33 AM\nchecking now', la).map((t) => t[1])).toEqual(['Lee Lead', 'Ana de la Cruz']);
    for (const line of ['Done', 'LGTM', '🎉']) {
      expect(times(`Lee Lead  10:32 AM\nrestarting the pods\n${line}\n10:40\nback up now`, la)).toEqual([
        ['2025-03-04T18:32', 'Lee Lead', `restarting the pods\n${line}`],
        ['2025-03-04T18:40', 'Lee Lead', 'back up now'],
      ]);
    }
  });

  it('in the name-then-time layout, a message\'s last line is no new speaker when it holds digits, "@" or "%", or opens with a greeting', () => {
    for (const line of ['Thanks Lee', 'Hello Ana Ops', '@Lee Lead @Ana Ops', 'HTTP 502', 'GitLab 17.9.1', 'CPU 100%', '2 MB']) {
      expect(times(`Sam Support\n10:32 AM\nrestarting the pods\n${line}\n10:40 AM\nback up now`, la)).toEqual([
        ['2025-03-04T18:32', 'Sam Support', `restarting the pods\n${line}`],
        ['2025-03-04T18:40', 'Sam Support', 'back up now'],
      ]);
    }
    // A last initial and a five-word name with particles are names.
    expect(times('Lee Lead\n10:32 AM\nis it back?\nSam S.\n10:33 AM\nyes\nJuan Carlos de la Vega\n10:34 AM\nconfirmed', la).map((t) => t[1])).toEqual([
      'Lee Lead', 'Sam S.', 'Juan Carlos de la Vega',
    ]);
  });

  it('a sentence left unplaced right above a bare time stays listed: the time is the previous speaker again, or none', () => {
    const text = '10:32 deploy started\n\ncustomer says it\'s still broken after the deploy\n10:40 AM\nrollback started';
    const result = parseTranscript(text, UTC);
    expect(times(text)).toEqual([['2025-03-04T10:32', null, 'deploy started'], ['2025-03-04T10:40', null, 'rollback started']]);
    expect(result.unplaced).toEqual([{ line: 3, text: 'customer says it\'s still broken after the deploy', reason: 'no time on this line' }]);
    expect(times('10:32:05 From Sam Support to Everyone: restarting\n\nnotes: checked the logs\n10:40 AM\ndone').map((t) => t[1])).toEqual(['Sam Support', 'Sam Support']);
  });

  it('a paste that starts with a bare time still finds the next speaker\'s name above their time', () => {
    expect(times('10:34 AM\nsome text\nSam Support\n10:37 AM\nthanks', la)).toEqual([
      ['2025-03-04T18:34', null, 'some text'],
      ['2025-03-04T18:37', 'Sam Support', 'thanks'],
    ]);
  });

  it('on the night clocks go back, a dated time that seems to go backwards is the second one of the repeated hour', () => {
    const night = { date: '2025-11-02', zone: 'America/Los_Angeles', today: '2025-11-20' };
    expect(times('2025-11-02 01:50 b\n2025-11-02 01:10 c', night).map((t) => t[0])).toEqual(['2025-11-02T08:50', '2025-11-02T09:10']);
  });

  it('reads Zoom senders whose names hold "to", and a tab after the time', () => {
    expect(times('10:34:00 From Back to Basics Bot to Everyone: hello\n10:35:00\tFrom Sam Support to Me (Direct Message): hi', la).map((t) => [t[1], t[2]]))
      .toEqual([['Back to Basics Bot', 'hello'], ['Sam Support', 'hi']]);
  });

  it('reads a header with one no-break space before the time, and Unicode line separators as line breaks', () => {
    expect(times('Sam Support\u00a010:32 AM\nhi', la).map((t) => t[1])).toEqual(['Sam Support']);
    expect(times('10:32 a\u202810:33 b', la).map((t) => t[2])).toEqual(['a', 'b']);
  });
});

describe('what is said inside a message stays there', () => {
  const la = { date: '2025-03-04', zone: 'America/Los_Angeles', today: '2025-03-10' };

  it('a date inside a Slack message is text: no weekday, or a weekday that is not that date\'s, moves no day', () => {
    expect(times('Sam Support\n10:32 AM\nlicense expires\nMarch 31\nLee Lead\n10:35 AM\nrenewing')).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'license expires\nMarch 31'],
      ['2025-03-04T10:35', 'Lee Lead', 'renewing'],
    ]);
    // 2025-03-07 is a Friday.
    expect(times('Sam Support  10:32 AM\nretro on\nThursday, March 7th\nLee Lead  10:35 AM\nworks for me').map((t) => t[0])).toEqual([
      '2025-03-04T10:32', '2025-03-04T10:35',
    ]);
  });

  it('a log line quoted in a Slack or Zoom message is part of it and moves neither the day nor the clock', () => {
    expect(times('Sam Support  10:32 AM\nfirst occurrence was\n2025-03-01 02:14:05 ERROR x\nLee Lead  10:35 AM\nlooking', la)).toEqual([
      ['2025-03-04T18:32', 'Sam Support', 'first occurrence was\n2025-03-01 02:14:05 ERROR x'],
      ['2025-03-04T18:35', 'Lee Lead', 'looking'],
    ]);
    expect(times('Sam Support  10:32 AM\n2025-03-04 18:31:59 ERROR y\nLee Lead  10:35 AM\nok', la).map((t) => t[0])).toEqual(['2025-03-04T18:32', '2025-03-04T18:35']);
    const zoom = '10:32:05 From Sam to Everyone: error is\n2025-03-04T23:14:05Z PG::ConnectionBad\n10:35:00 From Lee to Everyone: ok';
    expect(times(zoom, la)).toEqual([
      ['2025-03-04T18:32', 'Sam', 'error is\n2025-03-04T23:14:05Z PG::ConnectionBad'],
      ['2025-03-04T18:35', 'Lee', 'ok'],
    ]);
  });
});

describe('times written the way documents and logs write them', () => {
  const berlin = { date: '2025-03-04', zone: 'Europe/Berlin', today: '2025-03-20' };

  it('a zone written after the time is the zone it is in', () => {
    const text = '10:33 UTC alert fired\n10:35Z paged\n10:39 (UTC) acked\n10:41 +01:00 restarted\n10:50 GMT+1 fixed\n11:00 next';
    expect(times(text, berlin)).toEqual([
      ['2025-03-04T10:33', null, 'alert fired'],
      ['2025-03-04T10:35', null, 'paged'],
      ['2025-03-04T10:39', null, 'acked'],
      ['2025-03-04T09:41', null, 'restarted'],
      ['2025-03-04T09:50', null, 'fixed'],
      // Without a zone, the chat's own: 11:00 in Berlin.
      ['2025-03-04T10:00', null, 'next'],
    ]);
    // Past midnight in UTC the day rolls on.
    expect(times('23:50 UTC a\n00:10 UTC b', berlin).map((t) => t[0])).toEqual(['2025-03-04T23:50', '2025-03-05T00:10']);
  });

  it('reads the zone abbreviations engineers write after a time, and leaves them out of the text', () => {
    const text = ['10:33 PST alert fired', '2:15 PM EDT paged', '10:40 CET acked', '10:40 (CEST) restarted', '10:40 ACST escalated', '10:40 NZDT handed over', '2025-03-04 10:33 PST dated'];
    expect(text.map((line) => times(line, berlin)[0]!.filter((_, k) => k !== 1))).toEqual([
      ['2025-03-04T18:33', 'alert fired'], ['2025-03-04T18:15', 'paged'], ['2025-03-04T09:40', 'acked'], ['2025-03-04T08:40', 'restarted'],
      ['2025-03-04T01:10', 'escalated'], ['2025-03-03T21:40', 'handed over'], ['2025-03-04T18:33', 'dated'],
    ]);
    // The next line counts on from it, as after "10:33 UTC".
    expect(times('11:50 PM MST paged\n12:10 AM MST acked', berlin).map((t) => t[0])).toEqual(['2025-03-05T06:50', '2025-03-05T07:10']);
  });

  it('reads ET, CT, MT and PT as that zone\'s local time, in winter and in summer', () => {
    const winter = ['2:15 PM ET a', '2:15 PM CT b', '2:15 PM MT c', '2:15 PM PT d'];
    expect(winter.map((line) => times(line, berlin)[0]![0])).toEqual(['2025-03-04T19:15', '2025-03-04T20:15', '2025-03-04T21:15', '2025-03-04T22:15']);
    const summer = { ...berlin, date: '2025-07-04' };
    expect(winter.map((line) => times(line, summer)[0]![0])).toEqual(['2025-07-04T18:15', '2025-07-04T19:15', '2025-07-04T20:15', '2025-07-04T21:15']);
    // Across the night New York's clocks go forward, and on a dated line.
    expect(times('11:00 PM ET paged\n3:30 AM ET fixed\n2025-07-04 09:00 ET retro', { ...berlin, date: '2025-03-08' }).map((t) => [t[0], t[2]])).toEqual([
      ['2025-03-09T04:00', 'paged'], ['2025-03-09T07:30', 'fixed'], ['2025-07-04T13:00', 'retro'],
    ]);
  });

  it('leaves a zone abbreviation as text when it is in lower case, part of a word, or means more than one zone', () => {
    const text = ['10:33 pst alert', '10:33 PSTN outage', '10:33 ETA 5 minutes', '10:33 IST customer call', '10:33 AST paged', '10:33 Et al.'];
    expect(text.map((line) => times(line, berlin)[0]!.filter((_, k) => k !== 1))).toEqual([
      ['2025-03-04T09:33', 'pst alert'], ['2025-03-04T09:33', 'PSTN outage'], ['2025-03-04T09:33', 'ETA 5 minutes'],
      ['2025-03-04T09:33', 'IST customer call'], ['2025-03-04T09:33', 'AST paged'], ['2025-03-04T09:33', 'Et al.'],
    ]);
    // In a Slack message it is what was said, like "10:33 UTC"; a header with one is no header.
    expect(times('Sam Support  1:05 PM\nthe page said\n10:33 PST alert fired\nLee Lead  1:10 PM\nthanks').map((t) => t[2])).toEqual(['the page said\n10:33 PST alert fired', 'thanks']);
  });

  it('a range of times is an entry at its start, in the chat\'s zone, and keeps the range in its text', () => {
    const text = '10:32-10:45 db failover\n2025-03-04 10:50-10:55 replica caught up\n2025-03-04 15:00-15:10 maintenance\n15:20 – 15:30 retro\n15:40 - 15:45 notes\n16:00 done';
    expect(times(text, berlin).map((t) => [t[0], t[2]])).toEqual([
      ['2025-03-04T09:32', '10:32-10:45 db failover'], ['2025-03-04T09:50', '10:50-10:55 replica caught up'],
      ['2025-03-04T14:00', '15:00-15:10 maintenance'], ['2025-03-04T14:20', '15:20 – 15:30 retro'],
      ['2025-03-04T14:40', '15:40 - 15:45 notes'], ['2025-03-04T15:00', 'done'],
    ]);
    // A zone after the range's second time is the range's zone.
    expect(times('10:32-10:45 PST db failover', berlin).map((t) => [t[0], t[2]])).toEqual([['2025-03-04T18:32', '10:32-10:45 PST db failover']]);
    expect(times('2:00 PM - 2:30 PM EST call', berlin).map((t) => t[0])).toEqual(['2025-03-04T19:00']);
    expect(times('2025-03-04 10:50-10:55 UTC replica caught up', berlin).map((t) => t[0])).toEqual(['2025-03-04T10:50']);
  });

  it('keeps reading offsets that look like the end of a range', () => {
    const text = '10:32 +01:00 a\n10:33 UTC b\n2025-03-04T10:32:05-05:00 ERROR c\n10:32 -05:00 d\n2025-03-04T10:40-05:00 e\n10:50 (-05:00) f';
    expect(times(text, berlin).map((t) => [t[0], t[2]])).toEqual([
      ['2025-03-04T09:32', 'a'], ['2025-03-04T10:33', 'b'], ['2025-03-04T15:32', 'ERROR c'], ['2025-03-04T15:32', 'd'], ['2025-03-04T15:40', 'e'], ['2025-03-04T15:50', 'f'],
    ]);
  });

  it('reads list markers, bold times, parentheses and a colon or comma after the time', () => {
    const text = '- 10:32 deploy started\n* 10:33 errors\n1. 10:34 paged\n**10:35** rollback\n(10:38) recovered\n10:39, confirmed\n10:40: closed';
    expect(times(text).map((t) => [t[0]!.slice(11), t[2]])).toEqual([
      ['10:32', 'deploy started'], ['10:33', 'errors'], ['10:34', 'paged'], ['10:35', 'rollback'],
      ['10:38', 'recovered'], ['10:39', 'confirmed'], ['10:40', 'closed'],
    ]);
  });

  it('a list of times, or a time with its zone, inside a Slack message stays in that message', () => {
    const la = { date: '2025-03-04', zone: 'America/Los_Angeles', today: '2025-03-10' };
    expect(times('Sam Support  1:05 PM\nthe page said\n10:33 UTC alert fired\nLee Lead  1:10 PM\nthanks', la)).toEqual([
      ['2025-03-04T21:05', 'Sam Support', 'the page said\n10:33 UTC alert fired'],
      ['2025-03-04T21:10', 'Lee Lead', 'thanks'],
    ]);
    expect(times('Sam Support  1:05 PM\nwhat we did:\n- 10:32 deploy started\n1. 10:40 rollback\nLee Lead  1:10 PM\nthanks', la)).toEqual([
      ['2025-03-04T21:05', 'Sam Support', 'what we did:\n- 10:32 deploy started\n1. 10:40 rollback'],
      ['2025-03-04T21:10', 'Lee Lead', 'thanks'],
    ]);
  });

  it('a late line just after midnight stays before midnight; the next one is past it again', () => {
    expect(times('23:58 a\n00:03 b\n23:59 c\n00:05 d').map((t) => t[0])).toEqual([
      '2025-03-04T23:58', '2025-03-05T00:03', '2025-03-04T23:59', '2025-03-05T00:05',
    ]);
    // Without a midnight passed, a time far ahead is simply later that day.
    expect(times('00:03 a\n23:59 b').map((t) => t[0])).toEqual(['2025-03-04T00:03', '2025-03-04T23:59']);
  });

  it('on the night clocks go back, a line a few minutes late is no second pass of the hour', () => {
    const ny = { date: '2025-11-02', zone: 'America/New_York', today: '2025-11-02' };
    expect(times('01:20 a\n01:25 b\n01:22 c\n01:40 d', ny).map((t) => t[0])).toEqual(['2025-11-02T05:20', '2025-11-02T05:25', '2025-11-02T05:22', '2025-11-02T05:40']);
    expect(times('01:50 a\n01:05 b', ny).map((t) => t[0])).toEqual(['2025-11-02T05:50', '2025-11-02T06:05']);
  });

  it('reads "Today at 3:04 PM" under a name, as Slack writes the two most recent days in that layout', () => {
    const text = 'Sam Support\nYesterday at 11:50 PM\nstill down\nLee Lead\nToday at 3:10 PM\nback up';
    expect(times(text)).toEqual([
      ['2025-03-19T23:50', 'Sam Support', 'still down'],
      ['2025-03-20T15:10', 'Lee Lead', 'back up'],
    ]);
    expect(parseTranscript(text, UTC).relativeDays).toEqual({ today: '2025-03-20', read: ['Yesterday', 'Today'] });
  });

  it('a time with its zone and no message on the line keeps the zone (the message follows below)', () => {
    const ny = { date: '2025-03-04', zone: 'America/New_York', today: '2025-03-20' };
    expect(times('Sam Support\n10:33 UTC\nalert fired\nLee Lead\n10:40 utc\nack', ny)).toEqual([
      ['2025-03-04T10:33', 'Sam Support', 'alert fired'],
      ['2025-03-04T10:40', 'Lee Lead', 'ack'],
    ]);
  });

  it('takes a name with a Slack status emoji above a time as a new speaker, without the emoji', () => {
    expect(times('Sam Support\n10:32 AM\nseeing 500s\nLee Lead :palm_tree:\n10:35 AM\non it').map((t) => t[1])).toEqual(['Sam Support', 'Lee Lead']);
  });

  it('reads Slack\'s bot badge and status emoji on the time line: the name is the one before them, or the line above', () => {
    const result = parseTranscript('PagerDuty\nAPP  10:33 AM\nTriggered: gitaly down', UTC);
    expect(result.messages.map((m) => [m.line, m.author, m.text])).toEqual([[1, 'PagerDuty', 'Triggered: gitaly down']]);
    expect(result.unplaced).toEqual([]);
    expect(times('PagerDuty  APP  10:33 AM\nTriggered\nHuggsyAPP  9:22 PM\nhi\nLee Lead :palm_tree:  10:35 PM\nback').map((t) => t[1])).toEqual(['PagerDuty', 'Huggsy', 'Lee Lead']);
    // Whatever the rules for names say: "lee" is one lowercase word, but a status stands where the name goes.
    expect(times('Sam Support  10:32 AM\nseeing 500s\nlee\n:palm_tree:  10:35 AM\non it')).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'seeing 500s'],
      ['2025-03-04T10:35', 'lee', 'on it'],
    ]);
  });

  it('reads Slack\'s "Today at" and "Yesterday at" headers, and more of its interface lines', () => {
    const text = 'Sam Support  Yesterday at 11:50 PM\nstill down\n:+1::skin-tone-2: 2\n2 replies Last reply 2 days ago\nLee Lead  Today at 3:04 PM\nhi\nAlso sent to the channel\nreplied to a thread: is it down?\nLast reply today at 3:10 PM';
    const result = parseTranscript(text, UTC);
    expect(times(text)).toEqual([
      ['2025-03-19T23:50', 'Sam Support', 'still down'],
      ['2025-03-20T15:04', 'Lee Lead', 'hi'],
    ]);
    expect(result.skipped).toBe(5);
    expect(result.relativeDays).toEqual({ today: '2025-03-20', read: ['Yesterday', 'Today'] });
  });
});

describe('times as real chats and documents mix them', () => {
  const berlin = { date: '2025-03-04', zone: 'Europe/Berlin', today: '2025-03-20' };
  const ny = { date: '2025-11-02', zone: 'America/New_York', today: '2025-11-02' };

  it('a time with its zone stays on its own day for a reader east of UTC, and a late one stays before midnight', () => {
    expect(times('23:10 UTC alert fired\n23:15 UTC paged\n23:40 UTC fixed', berlin).map((t) => t[0])).toEqual(['2025-03-04T23:10', '2025-03-04T23:15', '2025-03-04T23:40']);
    expect(times('23:58 UTC a\n00:03 UTC b\n23:59 UTC c').map((t) => t[0])).toEqual(['2025-03-04T23:58', '2025-03-05T00:03', '2025-03-04T23:59']);
  });

  it('a time with its zone right under a day heading or a Slack divider is on that day', () => {
    expect(times('March 4\n10:00 UTC alert fired\nMarch 5\n09:00 UTC follow-up', berlin).map((t) => [t[0], t[2]])).toEqual([
      ['2025-03-04T10:00', 'alert fired'], ['2025-03-05T09:00', 'follow-up'],
    ]);
    expect(times('Sam Support  10:00 AM\npaged\nThursday, March 6th\nLee Lead\n09:00 UTC\nback', berlin)).toEqual([
      ['2025-03-04T09:00', 'Sam Support', 'paged'], ['2025-03-06T09:00', 'Lee Lead', 'back'],
    ]);
  });

  it('a 12-hour time with its zone takes the half of the day that keeps the chat going, and UTC offsets are read right', () => {
    expect(times('1:05 PM UTC deploy\n2:10 UTC rollback\n2:20 PM UTC done', berlin).map((t) => t[0])).toEqual(['2025-03-04T13:05', '2025-03-04T14:10', '2025-03-04T14:20']);
    expect(['10:00 UTC+130 a', '10:00 GMT+5:30 b', '10:00 GMT+99 c'].map((text) => times(text)[0]!.filter((_, k) => k !== 1))).toEqual([
      ['2025-03-04T08:30', 'a'], ['2025-03-04T04:30', 'b'], ['2025-03-04T10:00', 'GMT+99 c'],
    ]);
  });

  it('one space before "Today at" makes no header: a sentence that ends in a time is what was said', () => {
    expect(times('Sam Support  10:32 AM\nok so we restart Today at 3:00 PM\nLee Lead  10:35 AM\nyes')).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'ok so we restart Today at 3:00 PM'],
      ['2025-03-04T10:35', 'Lee Lead', 'yes'],
    ]);
  });

  it('reads a zone word on a dated line in any case, and takes no number past 14 hours for an offset', () => {
    expect(times('2025-03-04 10:32 utc a\n2025-03-04 10:33 GMT b\n2025-03-04 10:34 GMT+1 c', berlin)).toEqual([
      ['2025-03-04T10:32', null, 'a'], ['2025-03-04T10:33', null, 'b'], ['2025-03-04T09:34', null, 'c'],
    ]);
    expect(times('09:00 standup\n10:32 +2000 jobs queued\n10:33 +1000 errors\n2025-03-04 10:40 +5000 jobs').map((t) => [t[0], t[2]])).toEqual([
      ['2025-03-04T09:00', 'standup'], ['2025-03-04T10:32', '+2000 jobs queued'], ['2025-03-04T10:33', '+1000 errors'], ['2025-03-04T10:40', '+5000 jobs'],
    ]);
  });

  it('a time alone right under a Zoom message goes on with it, and the next Zoom line is a message of its own', () => {
    expect(times('10:32:05 From Sam Support to Everyone: retro at\n3:00 PM\n10:40:10 From Lee Lead to Everyone: ok')).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'retro at\n3:00 PM'],
      ['2025-03-04T10:40', 'Lee Lead', 'ok'],
    ]);
  });

  it('in a timeline written by hand, a time with nothing after it is listed, and the next line is the next entry', () => {
    const result = parseTranscript('10:32 deploy started\n10:35\n10:40 errors', UTC);
    expect(result.messages.map((m) => [new Date(m.at).toISOString().slice(11, 16), m.text])).toEqual([['10:32', 'deploy started'], ['10:40', 'errors']]);
    expect(result.unplaced).toEqual([{ line: 2, text: '10:35', reason: 'a time with no message' }]);
  });

  it('"Today at 3:00 PM" or "10:33 UTC" alone inside a Slack message is what was said', () => {
    expect(times('Sam Support  10:32 AM\ncan we meet\nToday at 3:00 PM\nLee Lead  10:35 AM\nyes')).toEqual([
      ['2025-03-04T10:32', 'Sam Support', 'can we meet\nToday at 3:00 PM'],
      ['2025-03-04T10:35', 'Lee Lead', 'yes'],
    ]);
    expect(times('Sam Support  10:32 AM\ndeploy at\n10:33 UTC\nLee Lead  10:35 AM\nok').map((t) => t[2])).toEqual(['deploy at\n10:33 UTC', 'ok']);
  });

  it('reads list markers and bold before dated lines, day headings between hand-written lines, and a dash after the time', () => {
    expect(times('- 2025-03-04 10:32 deploy started\n**2025-03-04 10:34** paged\n10:36 — rolled back').map((t) => [t[0], t[2]])).toEqual([
      ['2025-03-04T10:32', 'deploy started'], ['2025-03-04T10:34', 'paged'], ['2025-03-04T10:36', 'rolled back'],
    ]);
    expect(times('March 4\n10:32 deploy started\n10:40 errors\nMarch 5\n09:10 fixed').map((t) => [t[0], t[2]])).toEqual([
      ['2025-03-04T10:32', 'deploy started'], ['2025-03-04T10:40', 'errors'], ['2025-03-05T09:10', 'fixed'],
    ]);
  });

  it('a date alone, or a day heading in markdown, changes the day like "March 5" does', () => {
    for (const heading of ['2025-03-05', '### March 5', '**March 5**', 'March 5th:', '## **2025-03-05**']) {
      expect(times(`09:30 paged\n${heading}\n14:00 follow-up`).map((t) => [t[0], t[2]])).toEqual([['2025-03-04T09:30', 'paged'], ['2025-03-05T14:00', 'follow-up']]);
    }
    // Inside a Slack message a date without its weekday is what was said.
    expect(times('Sam Support  10:32 AM\nfix ships on\n2025-03-11\nLee Lead  10:35 AM\nok').map((t) => [t[0], t[2]])).toEqual([
      ['2025-03-04T10:32', 'fix ships on\n2025-03-11'], ['2025-03-04T10:35', 'ok'],
    ]);
  });

  it('on the night clocks go back, the chat stays in the second pass of the hour once it got there', () => {
    expect(times('01:59 c\n01:02 d\n01:58 e\n01:55 f', ny).map((t) => t[0])).toEqual(['2025-11-02T05:59', '2025-11-02T06:02', '2025-11-02T06:58', '2025-11-02T06:55']);
  });
});
