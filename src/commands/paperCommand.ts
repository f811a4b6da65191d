// A command about one paper: its first argument is the paper (a row of a view, or a key), and
// without one the reader picks it. What each command does with the paper is its own.
import type { PaperTarget } from '../papers/paperTarget';
import type { WeeklyPapersCommand } from './commandManager';
import { resolvePaper, type PickOptions, type ResolveServices } from './paperPicker';
import type { CommandServices } from './services';

export abstract class PaperCommand<R = void, S extends ResolveServices = CommandServices> implements WeeklyPapersCommand {
  abstract readonly id: string;

  constructor(protected readonly services: S) {}

  /** How the paper is asked for when none is given (the quick pick's title, which papers it offers). */
  protected abstract pickOptions(): PickOptions;

  /** What the command does with the paper; `rest` is what it was given after the paper. */
  protected abstract run(target: PaperTarget, ...rest: unknown[]): Promise<R | undefined>;

  /** Undefined when no paper was given or picked. */
  async execute(arg?: unknown, ...rest: unknown[]): Promise<R | undefined> {
    const target = await resolvePaper(this.services, arg, this.pickOptions());
    return target ? this.run(target, ...rest) : undefined;
  }
}
