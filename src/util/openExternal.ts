import * as vscode from 'vscode';

/** What hands an address to VS Code's opener: `env.openExternal`, unless a test records instead. */
export type ExternalOpener = (target: vscode.Uri) => Thenable<boolean>;

/**
 * Opens a link in the browser, only when it is an http(s) address: newsletter links are untrusted.
 *
 * The address goes to VS Code as the text that was checked, not as a `Uri`. VS Code opens a `Uri`
 * as `encodeURI(uri.toString(true))` (openerService.ts), and `toString(true)` writes the decoded
 * path, query and fragment: `…/a%2Fb.md?q=a%26b%3Dc#x%23y` opened as `…/a/b.md?q=a&b=c#x#y`, a
 * different address. Given a string, `env.openExternal` (extHostWindow.openUri) passes it along,
 * and the opener opens it as it is when it parses to the same Uri (microsoft/vscode#85930 is the
 * open request for a typed way; until then the string goes through the `Uri` parameter).
 */
export async function openWebLink(url: string, openExternal: ExternalOpener = (target) => vscode.env.openExternal(target)): Promise<boolean> {
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
  return openExternal(url as unknown as vscode.Uri);
}
