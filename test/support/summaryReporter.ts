// mocha's spec reporter, followed by the plain closing line CI reads: `unit: N passed, N failed`
// (the word before the colon is the reporter option `label`).
import Mocha from 'mocha';

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const option: unknown = (options?.reporterOptions as Record<string, unknown> | undefined)?.label;
    const label = typeof option === 'string' ? option : 'unit';
    // Registered after Spec's own handler, so it prints after the epilogue.
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const stats = runner.stats;
      console.log(`${label}: ${stats?.passes ?? 0} passed, ${stats?.failures ?? 0} failed, ${stats?.pending ?? 0} skipped`);
    });
  }
}

export = SpecWithSummary;
