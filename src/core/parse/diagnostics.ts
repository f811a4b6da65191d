import type { Diagnostic, Severity } from '../model/model';

/** Collects diagnostics; the parser reports problems here instead of throwing. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  add(severity: Severity, line: number, code: string, message: string): void {
    this.diagnostics.push({ severity, line: Math.max(1, line), code, message });
  }

  error(line: number, code: string, message: string): void {
    this.add('error', line, code, message);
  }

  warning(line: number, code: string, message: string): void {
    this.add('warning', line, code, message);
  }

  info(line: number, code: string, message: string): void {
    this.add('info', line, code, message);
  }
}
