// @ts-check
import js from '@eslint/js';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

/** Ways to turn a string into markup or code; pages are untrusted input, so none are allowed. */
const bannedProperties = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'dangerouslySetInnerHTML'].map(
  (property) => ({ property, message: 'Build DOM nodes (or Preact elements) instead of parsing markup.' }),
);

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.cli-build/**',
      'demo-output/**',
      '.wxt/**',
      'node_modules/**',
      'assets/**',
      'test-results/**',
      'coverage/**',
      '.cli-build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Code that runs in the browser (pages, extension pages, the background). The CLI and tests run
  // in Node, where a dynamic import() or a fixture's document.write is not a page injection.
  { ...nounsanitized.configs.recommended, files: ['entrypoints/**', 'components/**', 'lib/**'] },
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      'no-restricted-properties': ['error', ...bannedProperties],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
          message: 'Render text, never markup.',
        },
        { selector: 'CallExpression[callee.name="eval"]', message: 'No eval.' },
        { selector: 'NewExpression[callee.name="Function"]', message: 'No new Function.' },
        { selector: 'CallExpression[callee.name="Function"]', message: 'No Function().' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
