// What the extension writes to its log: the "Weekly Papers" LogOutputChannel, created first in
// activate() and handed to everything that logs. A part built on its own (a test) may log to the
// console instead. No `vscode` import: the channel fits this shape.

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The console, for a part built outside activate() (a test). */
export const consoleLog: Log = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};
