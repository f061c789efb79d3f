import { describe, expect, it } from 'vitest';
import { issueMenuPatterns } from '@/lib/gitlab/menu-patterns';
import { parseIssueUrl } from '@/lib/gitlab/issue-url';

/**
 * Chrome's match-pattern rule, written out for the test: scheme and host exactly, `*` in the
 * path matching anything, the path compared with path + query (fragment ignored).
 */
function matches(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(https):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  if (u.protocol !== `${scheme}:` || u.host !== host) return false;
  const glob = new RegExp(`^${path!.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(u.pathname + u.search);
}

const GL = 'https://gitlab.com';
const show = encodeURIComponent(btoa(JSON.stringify({ iid: '42', full_path: 'group/project' })));

/** Every URL form the panel knows (issue-url.ts): the menu must be offered on each. */
const ISSUE_URLS = [
  `${GL}/group/project/-/issues/42`,
  `${GL}/a/b/c/project/-/issues/7#note_1`,
  `${GL}/group/project/-/issues/42/designs/a.png`,
  `${GL}/group/project/-/issues/incident/42`,
  `${GL}/group/project/-/issues/incident/42/timeline`,
  `${GL}/group/project/-/work_items/42`,
  `${GL}/group/project/-/issues?show=${show}`,
  `${GL}/group/project/-/issues?label_name[]=retro&show=${show}`,
  `${GL}/group/project/-/work_items?show=${show}`,
  `${GL}/group/project/-/boards?show=${show}`,
  `${GL}/group/project/-/boards/7?show=${show}`,
];

const ELSEWHERE = [
  `${GL}/group/project`,
  `${GL}/group/project/-/issues`,
  `${GL}/group/project/-/merge_requests/42`,
  `${GL}/group/project/-/boards/7`,
  `${GL}/dashboard/issues`,
  'https://gitlab.example.com/group/project/-/issues/42',
  'http://gitlab.com/group/project/-/issues/42',
  'https://evil.example/gitlab.com/group/project/-/issues/42',
];

describe('menu URL patterns', () => {
  const patterns = issueMenuPatterns(GL);

  it.each(ISSUE_URLS)('offered on %s, which the panel parses as a project issue', (url) => {
    expect(parseIssueUrl(url, GL)?.kind).toBe('project-issue');
    expect(patterns.some((pattern) => matches(pattern, url))).toBe(true);
  });

  it.each(ELSEWHERE)('not offered on %s', (url) => {
    expect(patterns.some((pattern) => matches(pattern, url))).toBe(false);
  });

  it('follows a self-managed instance with a relative root and port', () => {
    const own = issueMenuPatterns('https://git.example.com:8443/gitlab/');
    expect(own.every((pattern) => pattern.startsWith('https://git.example.com:8443/gitlab/*/-/'))).toBe(true);
    expect(own.some((pattern) => matches(pattern, 'https://git.example.com:8443/gitlab/g/p/-/issues/3'))).toBe(true);
    expect(own.some((pattern) => matches(pattern, 'https://git.example.com:8443/g/p/-/issues/3'))).toBe(false);
  });

  it('offers nothing for a URL that is not https', () => {
    expect(issueMenuPatterns('http://gitlab.com')).toEqual([]);
    expect(issueMenuPatterns('not a url')).toEqual([]);
  });
});
