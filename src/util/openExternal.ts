import * as vscode from 'vscode';

/** Opens a link in the browser, only when it is an http(s) address: newsletter links are untrusted. */
export async function openWebLink(url: string): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    return false;
  }
  if (uri.scheme !== 'http' && uri.scheme !== 'https') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Weekly Papers only opens web links; "{0}" was not opened.', url.slice(0, 80)));
    return false;
  }
  return vscode.env.openExternal(uri);
}
