// Process boundaries are lint errors (STYLE.md, habit 2): shared/ is pure, the renderer never
// reaches into electron/, and electron/ never reaches into renderer/. A promise nobody awaits is an
// error too: its rejection would vanish (or crash the main process) instead of reaching the user.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
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
    languageOptions: {
      globals: { ...globals.node },
      // Type information comes from the tsconfig projects (tsconfig.json references them all); the
      // few scripts outside them get a default project.
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', 'bin/*.mjs', 'scripts/*.mjs', 'scripts/*.d.mts'],
          // The launchers and build scripts outside every tsconfig: about a dozen small files.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 20,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `void` marks work nobody waits for (an event handler's save, a timer's refresh): the work
      // itself must say how it ended, which it can because the api answers with a Result and never
      // rejects. Anything else that can fail (reading a chosen file) is turned into a Result too.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `return promise` inside try would let its rejection skip the catch and finally.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // A missing dependency shows stale values on screen: an error, since warnings go unread.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
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
