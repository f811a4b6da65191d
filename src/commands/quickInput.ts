// A quick pick or input box shown until it is hidden, then disposed with its listeners: the one
// way the commands ask and wait for an answer.
import type * as vscode from 'vscode';

/**
 * Shows `input` and resolves, once it is hidden, with the last value given to `choose` (which
 * hides it), or undefined when the reader dismissed it. `listen` adds the listeners that choose;
 * they, and `input`, are disposed when it hides.
 */
export function showUntilHidden<T>(input: vscode.QuickInput, listen: (choose: (value: T | undefined) => void) => vscode.Disposable[]): Promise<T | undefined> {
  return new Promise((resolve) => {
    let result: T | undefined;
    const choose = (value: T | undefined) => {
      result = value;
      input.hide();
    };
    const listeners = [
      ...listen(choose),
      input.onDidHide(() => {
        for (const listener of listeners) listener.dispose();
        input.dispose();
        resolve(result);
      }),
    ];
    input.show();
  });
}
