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
    void vscode.window.showWarningMessage(`Weekly Papers only opens web links; "${url.slice(0, 80)}" was not opened.`);
    return false;
  }
  return vscode.env.openExternal(uri);
}
