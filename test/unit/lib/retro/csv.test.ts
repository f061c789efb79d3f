import { describe, expect, it } from 'vitest';
import { REVIEW_CSV_HEADER, reviewCsv, toCsv } from '@/lib/retro/csv';
import { retroItem } from '../../helpers/retro-items';

describe('CSV export', () => {
  it('quotes commas, quotes and newlines (RFC 4180) with CRLF rows', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'plain']])).toBe('"a,b","say ""hi""","two\nlines",plain\r\n');
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@sum', 'ok']])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@sum,ok\r\n`);
  });

  it('one row per retro after the header, with staleness', () => {
    const now = new Date(2025, 2, 15, 12);
    const csv = reviewCsv([retroItem({ iid: 3, title: 'Geo, again', dueDate: '2025-03-10', assignees: ['maria', 'lee'] })], now);
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe(REVIEW_CSV_HEADER.join(','));
    expect(header).toBe('reference,title,assignees,due date,stale,updated at,labels,url'); // no column that would always be empty
    expect(row).toBe('gitlab-com/support/readiness/emergencies#3,"Geo, again",maria lee,2025-03-10,overdue,2025-03-01T10:00:00.000Z,"retro, retro-actions",https://gitlab.com/gitlab-com/support/readiness/emergencies/-/issues/3');
  });
});
