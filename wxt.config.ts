import { defineConfig } from 'wxt';

// Preact's automatic JSX runtime through esbuild: no React compat layer, no extra plugin.
const preactJsx = { jsx: 'automatic', jsxImportSource: 'preact' } as const;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ esbuild: preactJsx }),
  manifest: {
    name: 'Emergency Retro for GitLab',
    description:
      "Run GitLab Support's customer emergency retrospectives from inside the GitLab issue page.",
    // Why each permission: see README "Permissions".
    permissions: ['storage', 'scripting'],
    host_permissions: ['https://gitlab.com/*'],
  },
});
