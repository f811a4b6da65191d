import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Setting } from '../../src/constants';
import { SETTING_DEFAULTS, settingValue } from '../../src/settings/defaults';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };

describe('settings: defaults declared once', () => {
  it('package.json contributes exactly the settings the code reads, with the same defaults', () => {
    const contributed = Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([id, schema]) => [id, schema.default]));
    assert.deepEqual(contributed, { ...SETTING_DEFAULTS });
    assert.deepEqual(Object.keys(SETTING_DEFAULTS).sort(), Object.values(Setting).sort());
  });

  it('a value of the wrong type, or a blank string, means the default; a string is trimmed', () => {
    assert.equal(settingValue(Setting.networkEnabled, false), false);
    assert.equal(settingValue(Setting.networkEnabled, 'false'), true);
    assert.equal(settingValue(Setting.networkEnabled, undefined), true);
    assert.equal(settingValue(Setting.arxivApiUrl, '  '), 'https://export.arxiv.org/api/query');
    assert.equal(settingValue(Setting.arxivApiUrl, 42), 'https://export.arxiv.org/api/query');
    assert.equal(settingValue(Setting.importFolder, ' papers/issues '), 'papers/issues');
  });
});
