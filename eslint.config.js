// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Process boundaries are enforced here (CONVENTIONS.md habit 5). */
const noElectronOrNode = {
  patterns: [
    {
      group: ['electron', 'electron/*'],
      message: 'The renderer talks to Electron only through renderer/src/platform and the preload bridge.',
    },
    { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'No Node modules in the renderer.' },
    { group: ['**/electron/**'], message: 'No imports from the Electron main/preload code.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'dist-web', 'release', 'test-results', '**/*.d.ts', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', 'dexie', 'antd', 'node:*', 'fs', 'path'],
              message: 'shared/ is pure: no DOM, Node, Electron, Dexie or React.',
            },
            { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ must not import from the app layers.' },
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
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noElectronOrNode],
    },
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/app/**/*.{ts,tsx}', 'renderer/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noElectronOrNode.patterns,
            { group: ['dexie'], message: 'Only renderer/src/db imports Dexie; use its repositories and hooks.' },
          ],
          paths: [
            {
              name: 'react-router-dom',
              importNames: ['useSearchParams'],
              message:
                'Use useAddressParams from renderer/src/ui/address-params (merges into the address as it is now).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.{ts,mjs,js}', 'scripts/**/*.{mjs,js,ts}', '*.config.{ts,js}', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
