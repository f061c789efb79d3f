import { describe, expect, it } from 'vitest';
import { escapeCell, markdownLink, quietReferences, readTimelineMarkdown, renderTimelineMarkdown, TIMELINE_MARKER } from '@/lib/retro/timeline-markdown';
import type { TimelineEntry } from '@/lib/retro/timeline-entry';

const entry = (id: string, at: string, text: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({ id, at, text, ...extra });

/** Splits a GFM table row into cells the way GitLab does: on pipes not preceded by a backslash. */
const cells = (row: string) => row.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());

describe('timeline markdown (case C18)', () => {
  const md = renderTimelineMarkdown([
    entry('b', '2025-03-04T10:05:00Z', 'Fix A | B', { tag: 'Impact mitigated' }),
    entry('a', '2025-03-04T09:32:00Z', 'line one\nline two', { link: 'https://gitlab.com/x/-/issues/1#note_5' }),
  ], 'Europe/Berlin');
  const lines = md.split('\n');

  it('starts with the hidden marker and has a blank line before the table', () => {
    expect(lines[0]).toBe(TIMELINE_MARKER);
    const header = lines.findIndex((l) => l.startsWith('| Time (UTC)'));
    expect(lines[header - 1]).toBe('');
  });

  it('keeps four columns in every row: pipes escaped, no raw newlines in cells, sorted by time', () => {
    const rows = lines.filter((l) => l.startsWith('| 2025'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(cells(row)).toHaveLength(4);
    expect(cells(rows[0]!)).toEqual(['2025-03-04 09:32', '2025-03-04 10:32 GMT+1', 'line one<br>line two [link](https://gitlab.com/x/-/issues/1#note_5)', '']);
    expect(cells(rows[1]!)).toEqual(['2025-03-04 10:05', '2025-03-04 11:05 GMT+1', 'Fix A \\| B', 'Impact mitigated']);
  });

  it('escapes HTML openers and backslashes, and keeps links from breaking out', () => {
    expect(escapeCell('<script>alert(1)</script> a\\|b')).toBe('&lt;script>alert(1)&lt;/script> a\\\\\\|b');
    expect(markdownLink('https://x.test/a (b)|c')).toBe('[link](https://x.test/a%20%28b%29%7Cc)');
    expect(markdownLink('javascript:alert(1)')).toBe('javascript:alert(1)');
    // A backslash before the closing parenthesis would escape it and break the link.
    expect(markdownLink('https://x.test/a\\')).toBe('[link](https://x.test/a%5C)');
    expect(readTimelineMarkdown(renderTimelineMarkdown([entry('a', '2025-03-04T09:32:00Z', 'x', { link: 'https://x.test/a\\' })], 'UTC'))[0]!.link).toBe('https://x.test/a\\');
  });

  it('shows code spans as written: inside them only pipes are escaped, since GitLab shows code verbatim', () => {
    expect(escapeCell('run `kubectl logs <pod> | grep "a&b"` then check C:\\logs & <tmp>'))
      .toBe('run `kubectl logs <pod> \\| grep "a&b"` then check C:\\\\logs &amp; &lt;tmp>');
    // A code span GitLab reads across a line break stays one span: the break is the space GitLab shows.
    expect(escapeCell('see `gitlab-ctl\nstatus` now\nthen')).toBe('see `gitlab-ctl status` now<br>then');
    // Backticks of another length do not close a span.
    expect(escapeCell('``a ` <b>`` <c>')).toBe('``a ` <b>`` &lt;c>');
  });

  it('writes & as an entity, so text that looks like one is shown as typed', () => {
    expect(escapeCell('R&D said &lt; is fine')).toBe('R&amp;D said &amp;lt; is fine');
  });

  it('puts @mentions in code so that posting the timeline notifies nobody again, and leaves e-mail addresses alone', () => {
    expect(quietReferences('@lee-lead assigned to @sam.support; ping @all, mail ops@example.com')).toBe('`@lee-lead` assigned to `@sam.support`; ping `@all`, mail ops@example.com');
    expect(renderTimelineMarkdown([entry('a', '2025-03-04T09:32:00Z', '@sam closed')], 'UTC')).toContain('| `@sam` closed |');
    // Already in code: left alone, so the code span still covers it.
    expect(quietReferences('run `ping @oncall` then tell @lee')).toBe('run `ping @oncall` then tell `@lee`');
    expect(quietReferences('``a ` @b`` and @c')).toBe('``a ` @b`` and `@c`');
    // Issue, merge request and epic references would add "mentioned in" notes to those issues.
    expect(quietReferences('Ticket #512345; related to gitlab-org/gitlab#7 and gitlab!12, epic &3; C# and a&b stay'))
      .toBe('Ticket `#512345`; related to `gitlab-org/gitlab#7` and `gitlab!12`, epic `&3`; C# and a&b stay');
    // Beside a stray backtick, new code would pair with it and leave the mention live.
    expect(quietReferences('a ` stray and @lee, #12')).toBe('a ` stray and @\u200blee, #\u200b12');
  });

  it('quiets a mention after punctuation too, as GitLab reads one after anything but a letter or digit', () => {
    expect(quietReferences('@@lee Fixed.@maria thanks!@joe #@ann -@bob cc/@kim &@al'))
      .toBe('@`@lee` Fixed.`@maria` thanks!`@joe` #`@ann` -`@bob` cc/`@kim` &`@al`');
    expect(quietReferences('mail ops@example.com stays')).toBe('mail ops@example.com stays');
  });

  it('quiets gitlab.com links written without /-/ and links to incidents, which gitlab.com cross-references too', () => {
    expect(quietReferences('see https://gitlab.com/g/p/issues/9 and https://gitlab.com/g/p/merge_requests/4.'))
      .toBe('see `https://gitlab.com/g/p/issues/9` and `https://gitlab.com/g/p/merge_requests/4`.');
    expect(quietReferences('https://github.com/o/r/issues/9 is elsewhere')).toBe('https://github.com/o/r/issues/9 is elsewhere');
    expect(quietReferences('incident https://gitlab.com/g/p/-/issues/incident/42')).toBe('incident `https://gitlab.com/g/p/-/issues/incident/42`');
  });

  it('keeps references inert inside emphasis, and links to issues, merge requests and epics as well', () => {
    // GitLab renders the emphasis first, then finds "@lee-lead" and "#12" in it.
    expect(quietReferences('_@lee-lead_ and *#12*')).toBe('_`@lee-lead_` and *`#12`*');
    expect(quietReferences('see https://gitlab.com/gitlab-org/gitlab/-/issues/7#note_5. Also (https://gitlab.com/g/p/-/merge_requests/3)'))
      .toBe('see `https://gitlab.com/gitlab-org/gitlab/-/issues/7#note_5`. Also (`https://gitlab.com/g/p/-/merge_requests/3`)');
    // Links to anything else stay links.
    expect(quietReferences('docs at https://docs.gitlab.com/ee/api/notes.html#list-project-issue-notes')).toBe('docs at https://docs.gitlab.com/ee/api/notes.html#list-project-issue-notes');
    const text = 'see https://gitlab.com/g/p/-/issues/7 and _@lee_';
    expect(readTimelineMarkdown(renderTimelineMarkdown([entry('a', '2025-03-04T09:32:00Z', text)], 'UTC'))[0]!.text).toBe(text);
  });
});

describe('reading a posted timeline comment back', () => {
  it('gives back the entries it was rendered from: times, text with pipes, newlines, HTML and mentions, links and tags', () => {
    const entries = [
      entry('a', '2025-03-04T09:32:00.000Z', 'Fix A | B\nthen <b>C</b> \\ done, ping @sam-support', { tag: 'Impact mitigated' }),
      entry('b', '2025-03-04T23:30:00.000Z', 'See runbook', { link: 'https://gitlab.com/g/p/-/wikis/Run (book)?x=1|2' }),
      entry('c', '2025-03-05T00:10:00.000Z', 'no tag, no link'),
      entry('d', '2025-03-05T00:20:00.000Z', 'ran `grep "a|b" <log>` & `C:\\tmp`, R&D &lt; ok, stray ` and @lee #4'),
      entry('e', '2025-03-05T00:30:00.000Z', 'related to gitlab-org/gitlab#7 and !12'),
    ];
    const read = readTimelineMarkdown(renderTimelineMarkdown(entries, 'Europe/Berlin'));
    expect(read).toEqual(entries.map(({ id: _id, ...rest }) => rest));
  });

  it('skips what is not one of its rows', () => {
    expect(readTimelineMarkdown('| Time (UTC) | Time (UTC) | Event | Tag |\n|---|---|---|---|\nsome text\n| 2025-03-04 | broken |')).toEqual([]);
  });
});
