// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'esbuild.js', 'eslint.config.mjs', '.vscode-test.mjs', 'scripts/**/*.mjs', 'test/e2e/**/*.mjs', 'bench/**/*.mjs', 'test-results/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // Webview page scripts (media/*.js): plain browser JS outside the TS project, linted without types.
    ...tseslint.configs.disableTypeChecked,
    files: ['media/**/*.js'],
  },
  {
    // The core runs in plain Node and in a browser: it never imports vscode.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core is pure: no vscode import.' }] }],
    },
  },
);
