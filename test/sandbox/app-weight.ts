/**
 * GitLab's issue page loads megabytes of JavaScript; the skeleton pages load none, so any
 * browser extension looks expensive next to them. With `appScriptKb`, pages also load a
 * generated script of that size which the browser parses and runs, as GitLab's bundles are,
 * so that page-load comparisons (npm run bench) are made against a GitLab-like page.
 */
export const APP_SCRIPT_PATH = '/-/sandbox-assets/app.js';

export function appScript(kb: number): string {
  const parts: string[] = ['(() => { const modules = [];'];
  let size = parts[0]!.length;
  for (let i = 0; size < kb * 1024; i += 1) {
    const part =
      `modules.push(function module${i}(state) { const items = []; for (let n = 0; n < 20; n += 1) ` +
      `{ items.push({ id: n * ${i + 1}, label: 'item-' + n + '-${i}', done: (n + ${i}) % 3 === 0 }); } ` +
      `state.count = (state.count || 0) + items.filter((item) => item.done).length; return state; });\n`;
    parts.push(part);
    size += part.length;
  }
  parts.push('const state = {}; for (const run of modules) run(state); window.__sandboxAppReady = state.count; })();');
  return parts.join('');
}
