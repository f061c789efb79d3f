import { defineConfig } from 'wxt';

// Preact's automatic JSX runtime through esbuild: no React compat layer, no extra plugin.
const preactJsx = { jsx: 'automatic', jsxImportSource: 'preact' } as const;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ esbuild: preactJsx }),
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
