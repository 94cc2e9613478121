// Process boundaries are lint errors (STYLE.md, habit 2): shared/ is pure, the renderer never
// reaches into electron/, and electron/ never reaches into renderer/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'stream',
  'stream/*',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'zlib',
  'events',
  'worker_threads',
  'buffer',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test/fixtures/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...nodeBuiltins,
                'electron',
                'electron/*',
                'react',
                'react-*',
                'react/*',
                'better-sqlite3',
                '@napi-rs/*',
                'papaparse',
                'iconv-lite',
                '**/electron/**',
                '**/renderer/**',
              ],
              message: 'shared/ is pure TypeScript: no Node, Electron, React or platform packages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...nodeBuiltins,
                'electron',
                'electron/*',
                '**/electron/**',
                'better-sqlite3',
              ],
              message: 'The renderer talks to main only through the typed api client.',
            },
            {
              group: ['papaparse', 'csv-parse', 'csv-parse/*'],
              message:
                'Extracts are read through shared/extract, the reader the command line uses too.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ must not import renderer code.' },
          ],
        },
      ],
    },
  },
);
