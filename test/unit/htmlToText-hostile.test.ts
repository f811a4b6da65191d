// Hostile HTML (src/core/formats/htmlToText.ts, src/core/formats/boundedHtml.ts): thousands of unclosed or nested
// tags and pages of many megabytes end in an UnreadableHtmlError that says which limit they went
// over, never in a RangeError or a parse that takes minutes; pages within the limits still read.
import * as assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { descendants, findAll, findOne, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, textContent, UnreadableHtmlError, type UnreadableReason } from '../../src/core/formats/boundedHtml';
import { htmlToText, postToText, readFeed } from '../../src/core/formats/htmlToText';

const nested = (tag: string, depth: number, inner = 'deep'): string => `<${tag}>`.repeat(depth) + inner + `</${tag}>`.repeat(depth);

function refuses(read: () => unknown, reason: UnreadableReason): void {
  assert.throws(read, (error: unknown) => {
    assert.ok(error instanceof UnreadableHtmlError, `an UnreadableHtmlError, not ${String(error)}`);
    assert.equal(error.reason, reason);
    return true;
  });
}

describe('htmlToText and postToText: hostile pages', () => {
  it('refuses 200,000 unclosed <b> as too deep (htmlparser2 alone takes seconds, then the walk overflows)', () => {
    const page = `<html><body><p>${'<b>x'.repeat(200_000)}</p></body></html>`;
    refuses(() => htmlToText(page), 'tooDeep');
    refuses(() => postToText(page), 'tooDeep');
  });

  it('refuses 5,000 and 100,000 nested <div> as too deep', () => {
    for (const depth of [5_000, 100_000]) {
      refuses(() => htmlToText(nested('div', depth)), 'tooDeep');
      refuses(() => postToText(`<html><body>${nested('div', depth)}</body></html>`), 'tooDeep');
    }
  });

  it('refuses 10 MB of text as too large', () => {
    const page = `<html><body><p>${'word '.repeat(2 * 1024 * 1024)}</p></body></html>`;
    refuses(() => htmlToText(page), 'tooLarge');
    refuses(() => postToText(page), 'tooLarge');
    refuses(() => readFeed(`<rss version="2.0"><channel>${' '.repeat(10 * 1024 * 1024)}</channel></rss>`), 'tooLarge');
  });

  it('refuses more elements than the limit, side by side', () => {
    refuses(() => htmlToText('<i></i>'.repeat(MAX_HTML_ELEMENTS + 1)), 'tooManyElements');
  });

  it('reads a page nested up to the limit as before', () => {
    const depth = MAX_HTML_DEPTH - 3; // <html>, <body> and the innermost <p> are three of the levels
    assert.equal(htmlToText(nested('div', MAX_HTML_DEPTH, 'deep')), 'deep');
    const post = postToText(`<html><body>${nested('div', depth, '<p class="subtitle">x</p><a href="https://arxiv.org/abs/2511.18659">Paper</a>')}</body></html>`);
    assert.equal(post.text, 'x\nPaper https://arxiv.org/abs/2511.18659');
    assert.equal(post.found, 'page');
  });

  it('reads a link nested in hundreds of links once, with its address', () => {
    const link = '<a href="https://arxiv.org/abs/2511.18659">'.repeat(400) + 'Paper' + '</a>'.repeat(400);
    assert.match(htmlToText(`<p>${link}</p>`), /^Paper( https:\/\/arxiv\.org\/abs\/2511\.18659){400}$/);
  });

  it('refuses a feed nested too deeply', () => {
    refuses(() => readFeed(`<rss version="2.0"><channel>${nested('x', 5_000)}</channel></rss>`), 'tooDeep');
  });
});

describe('boundedHtml: walking a tree of 100,000 levels without recursion', () => {
  // Built with htmlparser2 unbounded, as another caller might: the helpers themselves must not recurse.
  const deep = parseDocument(nested('div', 100_000, '<span class="x">found</span>')).children;

  it('finds the innermost element and its text', () => {
    const span = findOne((element) => element.name === 'span', deep);
    assert.ok(span);
    assert.equal(textContent(span), 'found');
    assert.equal(findAll((element) => element.name === 'div', deep).length, 100_000);
    assert.equal(textContent(deep[0]!), 'found');
    assert.equal([...descendants(deep)].length, 100_002);
  });

  it('stops collecting text past maxChars', () => {
    const [paragraph] = parseDocument(`<p>${'<b>abcd</b>'.repeat(1_000)}</p>`).children;
    assert.ok(paragraph);
    assert.ok(textContent(paragraph, 10).length <= 14);
    assert.equal(textContent(paragraph).length, 4_000);
  });
});
