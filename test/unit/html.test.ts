import * as assert from 'node:assert/strict';
import { createNonce, escapeAttribute, escapeHtml } from '../../src/webview/html';

/** What an HTML parser would read back from escaped text: the five entities, decoded. */
function decode(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39|#\d+);/g, (_entity, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    return named[name] ?? String.fromCodePoint(Number(name.slice(1)));
  });
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("title")</script>Hidden Instructions',
  '</textarea><script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '<a href="javascript:alert(2)">click here</a>',
  'AT&T &amp; &lt;already escaped&gt;',
  '`backticks` and a=b and\ttabs\nand lines',
];

describe('escaping for webviews', () => {
  it('leaves no markup in element text', () => {
    for (const text of HOSTILE) {
      const escaped = escapeHtml(text);
      assert.doesNotMatch(escaped, /[<>"']/, escaped);
      assert.equal(decode(escaped), text, 'the reader sees exactly the text');
    }
  });

  it('escapes the characters in the order that keeps entities literal', () => {
    assert.equal(escapeHtml('&lt;'), '&amp;lt;');
    assert.equal(escapeHtml('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(escapeHtml(`"'`), '&quot;&#39;');
  });

  it('keeps an attribute value inside its quotes', () => {
    for (const text of HOSTILE) {
      const escaped = escapeAttribute(text);
      assert.doesNotMatch(escaped, /[<>"'`]/, escaped);
      assert.equal(decode(escaped), text);
    }
  });

  it('passes ordinary text through unchanged', () => {
    const text = 'CLaRa: Bridging Retrieval and Generation — R²R, “quotes”, 4-128x';
    assert.equal(escapeHtml(text), text);
  });

  it('makes a fresh 128-bit nonce each time, safe in any attribute', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.match(nonce, /^[0-9a-f]{32}$/);
  });
});
