// @ts-check
import js from '@eslint/js';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

/** Ways to turn a string into markup or code; pages are untrusted input, so none are allowed. */
const bannedProperties = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'dangerouslySetInnerHTML'].map(
  (property) => ({ property, message: 'Build DOM nodes (or Preact elements) instead of parsing markup.' }),
);

/**
 * The boundaries between the parts (docs/ARCHITECTURE.md, "Rules"), checked on every import
 * specifier: relative ('../facts/x.ts', '../../lib/facts/x.ts') or through WXT's '@/' and '~/'
 * aliases. tests/architecture/boundaries.test.ts shows each one reporting a violation.
 */
const via = '^(?:(?:\\.{1,2}/)+|[@~]{1,2}/)';
const libPart = (names) => `${via}(?:lib/)?(?:${names})/`;
const topFolder = (name) => `${via}${name}/`;
const boundary = {
  entrypoints: {
    regex: topFolder('entrypoints'),
    message: 'Only entrypoints/ wires things together: lib/ and components/ never import an entrypoint.',
  },
  pageReach: {
    regex: libPart('detect|claims|facts|background'),
    message:
      'The content script (lib/page, entrypoints/content) never reaches detection, claims, the fact base or the background: it asks the background through lib/protocol.',
  },
  componentsFacts: {
    regex: libPart('facts|background'),
    message:
      'Components never import lib/facts or the background: the facts they show come through lib/protocol (its reply types).',
  },
  pureDom: {
    regex: libPart('page'),
    message: 'Pure code (no DOM, no browser API) never imports lib/page.',
  },
  pureUi: {
    regex: topFolder('components'),
    message: 'Pure code never imports components: the UI depends on lib/, not the other way round.',
  },
  pureBackground: {
    regex: libPart('background'),
    message: 'Pure code never imports the background: the background depends on it, not the other way round.',
  },
};
const restrict = (...groups) => ['error', { patterns: groups }];

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
  // Where each part may not reach (see `boundary` above); the blocks cover disjoint files.
  {
    files: ['entrypoints/content/**', 'lib/page/**'],
    rules: { 'no-restricted-imports': restrict(boundary.entrypoints, boundary.pageReach) },
  },
  {
    files: ['components/**'],
    rules: { 'no-restricted-imports': restrict(boundary.entrypoints, boundary.componentsFacts) },
  },
  {
    files: ['lib/background/**'],
    rules: { 'no-restricted-imports': restrict(boundary.entrypoints, boundary.pureDom, boundary.pureUi) },
  },
  {
    files: [
      'lib/*.ts',
      'lib/claims/**',
      'lib/detect/**',
      'lib/export/**',
      'lib/facts/**',
      'lib/protocol/**',
      'lib/sources/**',
      'lib/util/**',
    ],
    rules: {
      'no-restricted-imports': restrict(
        boundary.entrypoints,
        boundary.pureDom,
        boundary.pureUi,
        boundary.pureBackground,
      ),
    },
  },
);
