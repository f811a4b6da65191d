// @ts-check
import tseslint from 'typescript-eslint';

/** The import patterns that keep files under `folder` off the sibling folders of src named in `above`. */
function layerPatterns(folder, above) {
  return above.map((name) => ({ group: [`../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`], message: `${folder} may not import from src/${name}: see the layers in eslint.config.mjs.` }));
}

/** Files under `folder` may not import from the sibling folders of src named in `above`. */
function layer(folder, above) {
  return [
    {
      files: [`${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', { patterns: layerPatterns(folder, above) }],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'esbuild.js', 'eslint.config.mjs', '.vscode-test.mjs', 'scripts/**/*.mjs', 'test/e2e/**/*.mjs', 'bench/**/*.mjs', 'test-results/**', 'media/panel.js'] },
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
  // The layers: views, commands, the panel (webview) and the chat each build on papers/ and
  // below (storage, sources, arxiv, huggingface, import, util, core), never on one another, and
  // nothing below them reaches up. An import across is an error that names the layer.
  ...layer('src/views', ['commands', 'webview', 'chat']),
  ...layer('src/commands', ['views', 'webview', 'chat']),
  ...layer('src/webview', ['views', 'commands', 'chat']),
  ...layer('src/chat', ['views', 'commands', 'webview']),
  ...['papers', 'storage', 'sources', 'arxiv', 'huggingface', 'import', 'util', 'diagnostics', 'platform'].flatMap((below) =>
    layer(`src/${below}`, ['views', 'commands', 'webview', 'chat']),
  ),
  {
    // The core runs in plain Node and in a browser: it never imports vscode.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core is pure: no vscode import.' }] }],
    },
  },
  {
    // The panel's note draft is tested in plain mocha: no vscode import either, and its layer's rule still holds.
    files: ['src/webview/noteDraft.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'noteDraft.ts is tested in plain Node: no vscode import.' }], patterns: layerPatterns('src/webview', ['views', 'commands', 'chat']) }],
    },
  },
);
