// Hugging Face in the panel and the library: a paper's repository from its Hugging Face page
// becomes its code link where the newsletter gave none, and the panel says where it came from.
import * as assert from 'node:assert/strict';
import { IssueLibrary } from '../../src/core/model/library';
import { parseIssueText } from '../../src/core/parse/parse';
import type { HuggingFacePaper } from '../../src/core/formats/huggingFacePaper';
import { renderHuggingFace } from '../../src/webview/huggingFaceHtml';
import { ENGLISH } from './helpers/english';
import { readFixture } from './helpers/fixtures';

const paper = (fields: Partial<HuggingFacePaper>): HuggingFacePaper => ({
  id: '2511.18261', title: 'LLM Reasoning for Cold-Start Item Recommendation', upvotes: 12, githubRepo: null, githubStars: null, projectPage: null, models: null, datasets: null, ...fields,
});

describe('Hugging Face code links in the library', () => {
  const sample = () => parseIssueText(readFixture('web/vol-132.txt')).issues;

  it('adds the repository as the code link of a paper without one, and marks where it came from', () => {
    const library = new IssueLibrary();
    library.set({ source: { id: 's', label: 's', bundled: false }, issues: sample(), diagnostics: [] });
    library.setCodeLinks((id) => (id === '2511.18261' ? 'https://github.com/netflix/cold-start' : null));
    const coldStart = library.findPaper('2511.18261')[0]?.paper;
    assert.ok(coldStart && 'codeFrom' in coldStart);
    assert.equal(coldStart.codeFrom, 'huggingface');
    assert.deepEqual(coldStart.links.filter((link) => link.kind === 'code').map((link) => link.url), ['https://github.com/netflix/cold-start']);
  });

  it('never replaces the newsletter’s own code link', () => {
    const library = new IssueLibrary();
    library.set({ source: { id: 's', label: 's', bundled: false }, issues: sample(), diagnostics: [] });
    library.setCodeLinks(() => 'https://github.com/someone/else');
    const clara = library.findPaper('2511.18659')[0]?.paper;
    assert.deepEqual(clara?.links.filter((link) => link.kind === 'code').map((link) => link.url), ['https://github.com/apple/ml-clara']);
    assert.ok(clara && !('codeFrom' in clara && clara.codeFrom));
  });
});

describe('Hugging Face in the summary panel', () => {
  it('shows upvotes, models and datasets, and says the code link is Hugging Face’s', () => {
    const html = renderHuggingFace({ state: 'ready', paper: paper({ githubRepo: 'https://github.com/x/y', models: 100, datasets: 1, projectPage: 'https://example.org/p' }), codeFromHuggingFace: true }, ENGLISH);
    assert.match(html, /12 upvotes · 100\+ models · 1 dataset/);
    assert.match(html, /The code link is the repository Hugging Face names for this paper/);
    assert.match(html, /data-link="project"[^>]*title="https:\/\/example\.org\/p"/);
  });

  it('says "not on Hugging Face" for a 404, and nothing with the network off', () => {
    assert.match(renderHuggingFace({ state: 'absent' }, ENGLISH), /Not on Hugging Face\./);
    assert.equal(renderHuggingFace({ state: 'disabled' }, ENGLISH), '');
    assert.equal(renderHuggingFace(null, ENGLISH), '');
  });

  it('escapes what Hugging Face sends', () => {
    const html = renderHuggingFace({ state: 'unavailable', reason: '<script>x</script>' }, ENGLISH);
    assert.doesNotMatch(html, /<script>/);
  });
});
