// `npm run --silent parse -- FILE...`: prints what the parser reads in each file, as JSON.
// A public interface: scripts depend on its shape and its exit status.
import { MAX_ISSUE_FILE_BYTES, parseIssueBytes } from '../core/parse/parse';
import { toJsonEntry, type JsonEntry } from './json';
import { readInput } from './readInput';

const MB = 1024 * 1024;

const USAGE = `Usage: npm run --silent parse -- FILE...

Parses newsletter issues (web text, e-mail or Markdown) and prints a JSON array with one entry per file.
Exit status: 0 when every file gave at least one issue, 1 when a file is unreadable or holds no issue, 2 for a usage error.`;

export function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = argv.find((arg) => arg.startsWith('-') && arg !== '-' && arg !== '--');
  const files = argv.filter((arg) => arg !== '--');
  if (unknown !== undefined || files.length === 0) {
    process.stderr.write(`${unknown !== undefined ? `Unknown option: ${unknown}` : 'No files given.'}\n${USAGE}\n`);
    return 2;
  }
  const entries: JsonEntry[] = [];
  let status = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      const read = readInput(file, MAX_ISSUE_FILE_BYTES);
      if (read.kind === 'tooLarge') {
        const size = read.exact ? `is ${(read.bytes / MB).toFixed(1)} MB` : `holds more than ${MAX_ISSUE_FILE_BYTES / MB} MB`;
        const message = `This ${file === '-' ? 'input' : 'file'} ${size}; the parser reads issue files up to ${MAX_ISSUE_FILE_BYTES / MB} MB, so it was not read.`;
        process.stderr.write(`${file}: ${message}\n`);
        entries.push({ file, issues: [], diagnostics: [{ severity: 'error', line: 1, code: 'too-large', message }] });
        status = 1;
        continue;
      }
      bytes = read.bytes;
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${describe(error)}\n`);
      entries.push({ file, issues: [], diagnostics: [{ severity: 'error', line: 1, code: 'unreadable', message: `Cannot read the file: ${describe(error)}` }] });
      status = 1;
      continue;
    }
    // Decoded as the extension decodes issue files: UTF-8, or UTF-16 where a byte-order mark says so.
    const result = parseIssueBytes(bytes);
    entries.push(toJsonEntry(file, result));
    if (result.issues.length === 0) {
      const reason = result.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no issue found';
      process.stderr.write(`${file}: ${reason}\n`);
      status = 1;
    }
  }
  process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  return status;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error).code);
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'it is a folder';
    if (code === 'EACCES') return 'permission denied';
    return code;
  }
  return String(error);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
