// One place where every command is registered, and disposed with the extension.
import * as vscode from 'vscode';

/** A command: its id (from `Command` in constants.ts) and what it does. */
export interface WeeklyPapersCommand {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

export class CommandManager implements vscode.Disposable {
  private readonly registered = new Map<string, vscode.Disposable>();

  register(command: WeeklyPapersCommand): void {
    this.registered.get(command.id)?.dispose();
    this.registered.set(command.id, vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
  }

  dispose(): void {
    for (const registration of this.registered.values()) registration.dispose();
    this.registered.clear();
  }
}
