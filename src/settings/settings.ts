// The one place the extension reads its settings: typed values with their defaults from
// defaults.ts, and one change event per set of settings (GitLens's `configuration`, smaller).
import * as vscode from 'vscode';
import { settingValue, type SettingId, type SettingValue } from './defaults';

/** The setting's value now (for `scope` a resource, the value that applies to it). */
export function readSetting<Id extends SettingId>(id: Id, scope?: vscode.ConfigurationScope): SettingValue<Id> {
  return settingValue(id, vscode.workspace.getConfiguration(undefined, scope).get<unknown>(id));
}

/** Calls `listener` when any of `ids` changes (in any scope). */
export function onDidChangeSettings(ids: readonly SettingId[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (ids.some((id) => event.affectsConfiguration(id))) listener();
  });
}
