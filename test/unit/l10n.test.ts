// Ready for translation: package.json's words are `%key%` placeholders that package.nls.json
// holds (no more, no fewer), and l10n/bundle.l10n.json is what `npm run l10n` makes of src today.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = path.join(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const PLACEHOLDER = /^%([\w.-]+)%$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every string in the manifest that is a `%key%` placeholder, with where it is. */
function placeholders(value: Json, where = ''): Array<{ key: string; where: string }> {
  if (typeof value === 'string') {
    const match = PLACEHOLDER.exec(value);
    return match?.[1] ? [{ key: match[1], where }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return entries.flatMap(([key, item]) => placeholders(item, `${where}/${key}`));
}

/** The manifest's words a reader sees: each must be a placeholder. */
function visibleStrings(manifest: { [key: string]: Json }): Array<{ where: string; value: Json | undefined }> {
  const found: Array<{ where: string; value: Json | undefined }> = [
    { where: '/displayName', value: manifest.displayName },
    { where: '/description', value: manifest.description },
  ];
  const visit = (value: Json | undefined, where: string, fields: readonly string[]) => {
    if (value === undefined || value === null || typeof value !== 'object') return;
    for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      const here = `${where}/${key}`;
      // A tool's or a chat participant's `name` (and its commands' names) is an id the reader or the model types, not words.
      const isId = key === 'name' && /^\/contributes\/(languageModelTools|chatParticipants)\/\d+(\/commands\/\d+)?$/.test(where);
      if (isId) continue;
      if (typeof key === 'string' && fields.includes(key)) {
        for (const text of Array.isArray(item) ? item : [item]) found.push({ where: here, value: text });
      } else {
        visit(item, here, fields);
      }
    }
  };
  const fields = ['title', 'shortTitle', 'category', 'name', 'contextualTitle', 'contents', 'label', 'description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage'];
  // `properties` holds setting ids, `commands` entries, `menus` entries: their words, not their ids, are checked.
  visit(manifest.contributes, '/contributes', fields);
  visit(manifest.capabilities, '/capabilities', ['description']);
  return found;
}

describe('localization', () => {
  const manifest = JSON.parse(read('package.json')) as { [key: string]: Json };
  const nls = JSON.parse(read('package.nls.json')) as Record<string, unknown>;

  it('package.nls.json has every %key% package.json uses, and no key it does not use', () => {
    const used = placeholders(manifest);
    const missing = used.filter(({ key }) => !(key in nls)).map(({ key, where }) => `${key} (${where})`);
    assert.deepEqual(missing, [], 'package.json uses keys package.nls.json lacks');
    const usedKeys = new Set(used.map(({ key }) => key));
    assert.deepEqual(Object.keys(nls).filter((key) => !usedKeys.has(key)), [], 'package.nls.json has keys package.json does not use');
    for (const [key, text] of Object.entries(nls)) assert.ok(typeof text === 'string' && text.trim() !== '', `${key} has no English`);
  });

  it('package.json shows the reader no words of its own: each is a %key% placeholder', () => {
    const literal = visibleStrings(manifest).flatMap(({ where, value }) => (typeof value === 'string' && !PLACEHOLDER.test(value) ? [`${where}: ${value}`] : []));
    assert.deepEqual(literal, []);
  });

  it('l10n/bundle.l10n.json holds exactly the strings of src (run `npm run l10n` after changing one)', async function () {
    // The exporter parses every source file (tree-sitter in WebAssembly): seconds on an idle
    // machine, over 20 on a busy one. A bound against a hang, not a speed test.
    this.timeout(120_000);
    const files = sourceFiles(path.join(ROOT, 'src'));
    const exported = await getL10nJson(files.map((file) => ({ extension: '.ts', contents: fs.readFileSync(file, 'utf8') })));
    assert.deepEqual(JSON.parse(read('l10n/bundle.l10n.json')), exported);
  });

  it('every l10n.t call is one the exporter can read: `vscode.l10n.t` or `l10n.t`, a literal message, in a file that imports vscode', () => {
    const problems: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.relative(ROOT, file);
      const calls = [...text.matchAll(/(.{0,7})l10n\.t\(\s*(.)/g)];
      if (calls.length === 0) continue;
      // The exporter reads only files that import vscode as `vscode` (a type-only import will do).
      if (!/^import (type )?\* as vscode from 'vscode';$/m.test(text)) problems.push(`${name}: l10n.t without \`import * as vscode from 'vscode'\``);
      for (const [call, before = '', quote] of calls) {
        // It finds `vscode.l10n.t(…)` and `l10n.t(…)` (vscode.l10n passed in as `l10n`), not `this.l10n.t(…)`.
        if (!/(^|vscode\.|[^\w.$])$/.test(before)) problems.push(`${name}: ${call.trim()}… is not vscode.l10n.t or l10n.t`);
        if (quote !== "'" && quote !== '"') problems.push(`${name}: ${call.trim()}… has no string literal for its message`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}
