import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'dist/', 'packages/*/dist/', 'node_modules/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        ...globals.browser,
        ...globals.node,
        defineBackground: 'readonly',
        defineContentScript: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Sending to every window is how wallets leak: the relay names its target.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='postMessage'] > Literal[value='*']",
          message: "Never post with target '*': name the page's own origin.",
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['**/*.tsx'],
    rules: {
      // Preact renders text; raw HTML from anyone is never set.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text, not HTML.' },
        { property: 'outerHTML', message: 'Render text, not HTML.' },
      ],
    },
  },
);
