// Building HTML from untrusted text. Every string that comes from a newsletter (or from the
// reader) goes through one of these before it reaches a webview. Pure: no vscode import.
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

/**
 * A fresh Content-Security-Policy nonce: 128 random bits from the platform's CSPRNG (Web Crypto,
 * present in Node 20 and in the browser's web worker alike), in hex (safe in any attribute).
 */
export function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** One of the panel's sections: a heading (its id `headingId`, labelling the section) and `body`, HTML already. */
export function sectionHtml(className: string, headingId: string, heading: string, body: string): string {
  return `<section class="${className}" aria-labelledby="${headingId}"><h2 id="${headingId}">${escapeHtml(heading)}</h2>${body}</section>`;
}

/** A section's quiet line instead of its facts (loading, unavailable, turned off); `live`: read out when it changes. */
export function stateLineHtml(text: string, live: boolean): string {
  return `<p class="arxiv-state"${live ? ' role="status"' : ''}>${escapeHtml(text)}</p>`;
}
