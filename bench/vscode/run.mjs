#!/usr/bin/env node
// npm run bench:vscode: writes a workspace of 1,000 issue files (about 17 MB), then runs
// bench/vscode/index.ts inside a real VS Code extension host through the test harness.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const count = process.env.WEEKLY_PAPERS_BENCH_ISSUES ?? '1000';
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-bench-'));
try {
  const steps = [
    [process.execPath, [path.join(root, 'out/bench/vscode/makeWorkspace.js'), workspace, count]],
    [process.execPath, [path.join(root, 'scripts/vscode/run-tests.mjs'), '--workspace', workspace, '--tests', path.join(root, 'out/bench/vscode/index.js'), '--timeout', '600']],
  ];
  for (const [cmd, args] of steps) {
    const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, WEEKLY_PAPERS_BENCH_ISSUES: count } });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
