// Bundles the extension once, for the browser (dist/web/extension.js: both hosts run it, see
// src/extension.web.ts), its small Node entry (dist/extension.js: desktop, remote, Codespaces,
// which loads that bundle), the summary panel's page script (media/panel.js, from
// src/webview/page/panel.ts), and the parse CLI (dist/cli.js).
//   node esbuild.js               development build of both
//   node esbuild.js --production  minified, no source maps (what `npm run package` ships)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --cli         only the CLI, silently (used by `npm run parse`)
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const cliOnly = process.argv.includes('--cli');

/** Prints esbuild's problems in the `file:line:col: error: text` form VS Code's problem matcher reads. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer packages' ES modules: esbuild can drop what is not used (zod's locales: 480 KB -> 116 KB).
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemReporter],
};

/**
 * The extension's bundle: platform `browser`, so a Node built-in anywhere in the extension's
 * imports fails the build instead of failing in the reader's browser.
 */
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  entryPoints: ['src/extension.web.ts'],
  outfile: 'dist/web/extension.js',
  external: ['vscode'],
};

/**
 * The summary panel's page: one browser script, run by the webview with its page's nonce. Served
 * from media/ (the webview's only resource root); its source maps are inline, so nothing else is left there.
 */
const page = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  entryPoints: ['src/webview/page/panel.ts'],
  outfile: 'media/panel.js',
  sourcemap: production ? false : 'inline',
};

const targets = [
  { ...common, entryPoints: ['src/cli/parse.ts'], outfile: 'dist/cli.js' },
  ...(cliOnly ? [] : [{ ...common, entryPoints: ['src/extension.node.ts'], outfile: 'dist/extension.js', external: ['vscode', './web/extension.js'] }, web, page]),
];

/** The summary panel's icon font, served from media/ (its webview may load nothing from elsewhere). */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons');
  const to = path.join(__dirname, 'media', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['dist/codicon.css', 'dist/codicon.ttf', 'LICENSE']) fs.copyFileSync(path.join(from, file), path.join(to, path.basename(file)));
}

async function main() {
  if (!cliOnly) copyCodicons();
  const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

main().catch(() => {
  process.exitCode = 1;
});
