// Building HTML from untrusted text. Every string that comes from a newsletter (or from the
// reader) goes through one of these before it reaches a webview. Pure: no vscode import.
import { randomBytes } from 'node:crypto';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element's content: `<`, `>`, `&` and both quotes become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Text for an attribute value, always written in double quotes: the same entities as
 * `escapeHtml`, plus the backtick, which old parsers took as a quote.
 */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/`/g, '&#96;');
}

/** A fresh Content-Security-Policy nonce: 128 random bits from the OS, in hex (safe in any attribute). */
export function createNonce(): string {
  return randomBytes(16).toString('hex');
}
