import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// Preact's automatic JSX runtime through esbuild: no React compat layer, no extra plugin.
const preactJsx = { jsx: 'automatic', jsxImportSource: 'preact' } as const;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // terser squeezes the content scripts a little further than esbuild (the panel sits at its 60 kB budget).
  // ES2020 output is safe for every browser the extension supports (Chrome MV3, Firefox 128); unsafe_arrows
  // turns function expressions that use neither `this` nor `arguments` into arrows (nothing here constructs them).
  vite: () => ({ esbuild: preactJsx, build: { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3, unsafe_arrows: true } } } }),
  hooks: {
    // Content scripts use the browser's own promise-based API (Chrome MV3 and Firefox both have
    // one): webextension-polyfill's 10 kB stays in the background worker and extension pages.
    // And they leave out the element-waiting that only WXT's autoMount uses (lib/build/no-auto-mount.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias ?? [];
      const entries = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [
          ...entries.filter((entry) => entry.find !== 'wxt/browser'),
          { find: /^@1natsu\/wait-element(\/detectors)?$/, replacement: fileURLToPath(new URL('./lib/build/no-auto-mount.ts', import.meta.url)) },
        ],
      };
    },
  },
  zip: { excludeSources: ['demo-output/**', 'bench-output/**', 'test-results/**'] },
  manifest: ({ browser }) => ({
    name: 'Emergency Retro for GitLab',
    description:
      "Run GitLab Support's customer emergency retrospectives from inside the GitLab issue page.",
    // Why each permission: see README "Permissions".
    permissions: ['storage', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    host_permissions: ['https://gitlab.com/*'],
    ...(browser === 'firefox' && {
      // A fixed id keeps storage across reinstalls; 128 is the first Firefox with all MV3 APIs used here.
      browser_specific_settings: { gecko: { id: 'emergency-retro@gitlab-support', strict_min_version: '128.0' } },
    }),
  }),
});
