// Every setting's default, declared once. package.json declares the same defaults for the
// Settings editor; a unit test (settingDefaults.test.ts) keeps the two equal. No `vscode` import.
import { Setting } from '../constants';

export type SettingId = (typeof Setting)[keyof typeof Setting];

export const SETTING_DEFAULTS = {
  [Setting.issueFiles]: '**/*.{txt,md}',
  [Setting.showSampleIssue]: true,
  [Setting.importFolder]: 'issues',
  [Setting.feedUrl]: 'https://recsys.substack.com/feed',
  [Setting.networkEnabled]: true,
  [Setting.arxivApiUrl]: 'https://export.arxiv.org/api/query',
  [Setting.arxivPagesUrl]: 'https://arxiv.org',
  [Setting.huggingFaceApiUrl]: 'https://huggingface.co',
} as const satisfies Record<SettingId, string | boolean>;

/** A setting's value type: what its default is. */
export type SettingValue<Id extends SettingId> = (typeof SETTING_DEFAULTS)[Id] extends boolean ? boolean : string;

/**
 * What a raw configuration value means: the value when it has the default's type (a string is
 * trimmed), else the default. A blank string is the default too: an address or glob left empty
 * means "the usual one", never "nothing".
 */
export function settingValue<Id extends SettingId>(id: Id, raw: unknown): SettingValue<Id> {
  const fallback = SETTING_DEFAULTS[id] as SettingValue<Id>;
  if (typeof fallback === 'boolean') return (typeof raw === 'boolean' ? raw : fallback) as SettingValue<Id>;
  return (typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : fallback) as SettingValue<Id>;
}
