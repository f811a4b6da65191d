// The contract of every address setting in package.json (arXiv's API and pages, Hugging Face, the
// feed): only the reader's own settings choose where requests go. Each is `application`-scoped
// (VS Code ignores a workspace's value, trusted or not), restricted in untrusted workspaces, and
// its pattern takes https:// and http:// only for 127.0.0.1 or localhost, as the code does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isApiAddressText } from '../../src/core/net/localAddress';

const ROOT = path.join(__dirname, '../../..');

interface SettingSchema {
  readonly type?: string;
  readonly scope?: string;
  readonly pattern?: string;
  readonly format?: string;
  readonly default?: unknown;
}

interface Manifest {
  readonly contributes: { readonly configuration: { readonly properties: Record<string, SettingSchema> } | Array<{ readonly properties: Record<string, SettingSchema> }> };
  readonly capabilities: { readonly untrustedWorkspaces: { readonly restrictedConfigurations?: readonly string[] } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const sections = manifest.contributes.configuration;
const settings = Object.entries(Object.assign({}, ...(Array.isArray(sections) ? sections : [sections]).map((section) => section.properties)) as Record<string, SettingSchema>);
/** A setting that holds an address: named `…Url`, or declared a URI. */
const addressSettings = settings.filter(([key, schema]) => /Url$/.test(key) || schema.format === 'uri');

describe('address settings (package.json)', () => {
  it('are the four known ones (a new one is checked below as soon as it is declared)', () => {
    assert.deepEqual(addressSettings.map(([key]) => key).sort(), ['weeklyPapers.arxivApiUrl', 'weeklyPapers.arxivPagesUrl', 'weeklyPapers.feedUrl', 'weeklyPapers.huggingFaceApiUrl']);
  });

  for (const [key, schema] of addressSettings) {
    describe(key, () => {
      it('is application-scoped: a workspace’s settings cannot choose it', () => {
        assert.equal(schema.scope, 'application');
      });

      it('is restricted in untrusted workspaces', () => {
        assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(key));
      });

      it('takes https:// addresses, and http:// only for 127.0.0.1 or localhost, as the code does', () => {
        assert.ok(schema.pattern, 'no pattern');
        const pattern = new RegExp(schema.pattern);
        assert.ok(typeof schema.default === 'string' && pattern.test(schema.default), 'the default is refused');
        const samples = [
          'https://export.arxiv.org/api/query', 'https://mirror.example.org:8443/x', 'http://127.0.0.1:9/api/query', 'http://localhost', 'http://localhost:8080/feed',
          'http://export.arxiv.org/api/query', 'http://localhost.example.org/', 'http://127.0.0.1.example.org/', 'file:///etc/passwd', 'ftp://example.org/', 'javascript:alert(1)', '',
        ];
        for (const sample of samples) assert.equal(pattern.test(sample), isApiAddressText(sample), `"${sample}": the pattern and the code disagree`);
      });
    });
  }
});
