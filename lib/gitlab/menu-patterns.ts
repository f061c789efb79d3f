/**
 * Where "Suggest retro" is offered: match patterns for every issue URL form that issue-url.ts
 * knows, on the configured instance only. Chrome and Firefox match the path *and the query*
 * against the pattern's path, which is how the issue drawer (`?show=`) is covered.
 * Patterns are coarser than the parser: the click handler parses the URL again and refuses
 * anything that is not a project issue (a group-level work item, say) with a message.
 */
const PATH_FORMS = [
  '/*/-/issues/*', // classic, incident (/-/issues/incident/<iid>), designs and incident tabs
  '/*/-/work_items/*', // the newer view (also group-level work items, refused on click)
  '/*/-/issues?*show=*', // issue drawer on list pages
  '/*/-/work_items?*show=*',
  '/*/-/boards*show=*', // issue drawer on boards, /-/boards and /-/boards/<id>
];

/** Match patterns for the instance at `gitlabUrl` (which may have a relative root like /gitlab). */
export function issueMenuPatterns(gitlabUrl: string): string[] {
  let base: URL;
  try {
    base = new URL(gitlabUrl);
  } catch {
    return [];
  }
  if (base.protocol !== 'https:') return [];
  const root = base.pathname.replace(/\/+$/, '');
  return PATH_FORMS.map((form) => `https://${base.host}${root}${form}`);
}
