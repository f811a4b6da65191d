import * as vscode from 'vscode';
import { parseIssueBytes } from '../core/parse/parse';
import type { IssueLibrary } from '../core/model/library';
import { SAMPLE_ISSUE_PATH } from '../constants';

/** Loads the sample issue shipped with the extension, so a fresh install shows something real. */
export async function loadSampleIssue(extensionUri: vscode.Uri, library: IssueLibrary): Promise<void> {
  const uri = vscode.Uri.joinPath(extensionUri, ...SAMPLE_ISSUE_PATH);
  const bytes = await vscode.workspace.fs.readFile(uri);
  // Read as every issue file is (see decodeLines): what is kept does not keep the whole file.
  const result = parseIssueBytes(bytes);
  library.set({
    source: { id: uri.toString(), label: vscode.l10n.t('Sample issue'), bundled: true },
    issues: result.issues,
    diagnostics: result.diagnostics,
  });
}
