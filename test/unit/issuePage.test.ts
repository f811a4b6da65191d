import * as assert from 'node:assert/strict';
import { titlesPageOf } from '../../src/papers/issuePage';
import { parseIssueText } from '../../src/core/parse/parse';
import type { PaperEntry } from '../../src/core/model/library';
import { readFixture } from './helpers/fixtures';

/** Paper 2 of the paywalled Vol.132 as the e-mail has it (no anchors), naming its page at `address`. */
function secondPaper(address: string, anchors = false): PaperEntry {
  let text = readFixture('paywall/vol-132-contents-anchors.txt');
  if (!anchors) text = text.replace(/ https:\/\/recsys\.substack\.com\/i\/\S+?(?=, from)/g, '');
  const issue = parseIssueText(`View this post on the web at ${address}\n\n${text}`).issues[0]!;
  return { paper: issue.papers[1]!, kind: 'paper', entry: { issue, source: { id: 'a', label: 'a', bundled: false } } };
}

describe('the issue’s web page, for a paper’s real title', () => {
  it('is offered for a paper without its real title, from the address the e-mail names', () => {
    assert.equal(titlesPageOf(secondPaper('https://recsys.substack.com/p/unifying'))?.toString(), 'https://recsys.substack.com/p/unifying');
  });

  it('is not offered once the paper has its real title, for an address that is not a web page, or for one longer than the import reads', () => {
    assert.equal(titlesPageOf(secondPaper('https://recsys.substack.com/p/unifying', true)), null);
    assert.equal(titlesPageOf(secondPaper('javascript:alert(1)')), null);
    assert.equal(titlesPageOf(secondPaper(`https://recsys.substack.com/p/${'a'.repeat(2100)}`)), null);
    assert.equal(titlesPageOf(undefined), null);
  });
});
