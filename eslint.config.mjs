// Lint: typescript-eslint's recommended rules; the core must not use `any` or reach for I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'fs',
            'path',
            'os',
            'child_process',
            'http',
            'https',
            'net',
            'stream',
            'crypto',
            'buffer',
            'util',
            'zlib',
          ].map((name) => ({ name, message: 'src/core is pure: no Node APIs.' })),
          patterns: [
            { group: ['node:*'], message: 'src/core is pure: no Node APIs.' },
            {
              group: [
                'exceljs',
                'csv-parse',
                'csv-stringify',
                'googleapis',
                '@googleapis/*',
                'pdfkit',
                'bwip-js',
                '../../node/*',
                '../node/*',
                '**/addon/*',
              ],
              message: 'src/core imports only itself and small pure libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'process',
        'require',
        'Buffer',
        'SpreadsheetApp',
        'PropertiesService',
        'UrlFetchApp',
        'console',
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
