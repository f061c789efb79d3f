import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'demo-output/', 'bench-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, defineBackground: 'readonly', defineContentScript: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // GitLab content is text, never HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render GitLab content as text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render GitLab content as text.' },
      ],
    },
  },
  {
    // The domain stays framework-free: it runs in plain Node.
    files: ['lib/retro/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['wxt', 'wxt/*', 'preact', 'preact/*', 'webextension-polyfill', '@/components/*', '@/entrypoints/*'] }],
    },
  },
  {
    // gitbeaker and the token stay in the background worker.
    files: ['components/**', 'entrypoints/retro-*/**', 'entrypoints/retro-*.ts', 'entrypoints/options/**', 'entrypoints/popup/**', 'entrypoints/review/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@gitbeaker/*', '@/lib/gitlab/gateway', '@/lib/gitlab/requester', '@/lib/settings', '@/lib/messaging-schema'] }],
    },
  },
);
