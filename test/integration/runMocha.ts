// What both extension-test indexes do (index.ts: the integration suites; restricted/index.ts:
// the restricted-mode suite): run every compiled `*.test.js` under a folder with mocha, inside
// the real extension host, and print the plain closing line CI reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Every `*.test.js` under dir, recursively, sorted so the order is stable. */
function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

/**
 * Runs the tests under `dir`; `label` starts the closing line (`label: N passed, N failed, N
 * skipped`). Rejects when a test failed, and when none ran: an empty run does not pass.
 */
export async function runMocha(dir: string, label: string): Promise<void> {
  const files = findTests(dir);
  if (files.length === 0) {
    throw new Error(`No ${label} tests found: no *.test.js under ${dir} (did \`npm run compile\` run?)`);
  }

  // WEEKLY_PAPERS_TEST_GREP (passed through code-server's environment) runs only the matching
  // tests while working on one suite; CI never sets it, and a run that matches nothing fails below.
  const grep = process.env.WEEKLY_PAPERS_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000, ...(grep ? { grep } : {}) });
  // Mocha takes ✔/✖ from log-symbols, which colours them itself whenever supports-color
  // says so (e.g. CI=true), whatever `color` is: keep the forwarded log plain.
  Mocha.reporters.Base.symbols.ok = '✔';
  Mocha.reporters.Base.symbols.err = '✖';
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();

  await new Promise<void>((resolve, reject) => {
    let ran = 0;
    const runner = mocha.run((failures) => {
      // The plain closing line CI reads, whatever the reporter printed.
      console.log(`${label}: ${runner.stats?.passes ?? 0} passed, ${failures} failed, ${runner.stats?.pending ?? 0} skipped`);
      if (failures > 0) reject(new Error(`${failures} ${label} test(s) failed.`));
      else if (ran === 0) reject(new Error(`No ${label} test ran (all skipped or filtered out): an empty run does not pass.`));
      else resolve();
    });
    runner.on('pass', () => { ran++; });
    runner.on('fail', () => { ran++; });
  });
}
