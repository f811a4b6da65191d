import * as assert from 'node:assert/strict';
import {
  ARTIFACT_COUNT_LIMIT, HuggingFacePaperSchema, MAX_HUGGING_FACE_BODY_BYTES, huggingFaceArtifactsUrl, huggingFacePaperUrl,
  parseHuggingFaceListCount, parseHuggingFacePaper, repositoryUrl, utf8LengthExceeds, webUrl, type HuggingFacePaper,
} from '../../src/core/formats/huggingFacePaper';
import { hugeBody, readHuggingFaceFixture } from '../support/huggingFaceFixtures';

function paper(jsonText: string): HuggingFacePaper {
  const parsed = parseHuggingFacePaper(jsonText);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.paper;
}

function error(jsonText: string): string {
  const parsed = parseHuggingFacePaper(jsonText);
  assert.equal(parsed.ok, false, `parsed: ${jsonText.slice(0, 80)}`);
  return parsed.ok ? '' : parsed.error;
}

describe('Hugging Face paper', () => {
  it('reads CLaRa: id, title, upvotes, its GitHub repository and stars, project page; counts left for their own requests', () => {
    assert.deepEqual(paper(readHuggingFaceFixture('papers/2511.18659.json')), {
      id: '2511.18659',
      title: 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
      upvotes: 87,
      githubRepo: 'https://github.com/apple/ml-clara',
      githubStars: 1342,
      projectPage: 'https://machinelearning.apple.com/research/clara',
      models: null,
      datasets: null,
    });
  });

  it('gives null for what a paper without code lacks', () => {
    const coldStart = paper(readHuggingFaceFixture('papers/2511.18261.json'));
    assert.equal(coldStart.id, '2511.18261');
    assert.equal(coldStart.upvotes, 12);
    assert.equal(coldStart.githubRepo, null);
    assert.equal(coldStart.githubStars, null);
    assert.equal(coldStart.projectPage, null);
  });

  it('drops a javascript: repository and a file: project page, and odd-typed or negative numbers', () => {
    const hostile = paper(readHuggingFaceFixture('papers/2511.19987.json'));
    assert.equal(hostile.githubRepo, null);
    assert.equal(hostile.projectPage, null);
    assert.equal(hostile.upvotes, null, 'upvotes written as a string');
    assert.equal(hostile.githubStars, null, 'negative stars');
    // Markup stays text (the panel escapes it); the line break is collapsed.
    assert.equal(hostile.title, 'Rediscovering the Lost Art of Feedback Models for <LLM> Query Expansion & Retrieval');
    assert.ok(HuggingFacePaperSchema.safeParse(hostile).success);
  });

  it('refuses an answer over 1 MB before parsing it, and says so', () => {
    const body = hugeBody();
    assert.ok(body.length > MAX_HUGGING_FACE_BODY_BYTES);
    assert.doesNotThrow(() => JSON.parse(body), 'the huge answer is valid JSON: only its size is wrong');
    assert.equal(error(body), "Hugging Face's answer is larger than 1 MB; it was not read");
    const hugeList = parseHuggingFaceListCount(`[${'1,'.repeat(MAX_HUGGING_FACE_BODY_BYTES / 2)}1]`);
    assert.deepEqual(hugeList, { ok: false, error: "Hugging Face's answer is larger than 1 MB; it was not read" });
  });

  it('counts bytes, not characters: 400,000 three-byte characters are over 1 MB', () => {
    assert.equal(utf8LengthExceeds('€'.repeat(400_000), MAX_HUGGING_FACE_BODY_BYTES), true);
    assert.equal(utf8LengthExceeds('€'.repeat(300_000), MAX_HUGGING_FACE_BODY_BYTES), false);
    assert.equal(utf8LengthExceeds('😀'.repeat(262_145), MAX_HUGGING_FACE_BODY_BYTES), true);
    assert.equal(utf8LengthExceeds('😀'.repeat(262_144), MAX_HUGGING_FACE_BODY_BYTES), false);
    assert.equal(utf8LengthExceeds('a'.repeat(MAX_HUGGING_FACE_BODY_BYTES), MAX_HUGGING_FACE_BODY_BYTES), false);
  });

  it('turns an answer that is not JSON, or not a paper, into an error without throwing', () => {
    assert.match(error(readHuggingFaceFixture('not-json.html')), /^Hugging Face's answer is not JSON/);
    assert.match(error(readHuggingFaceFixture('not-found.json')), /^Hugging Face's answer is not a paper \(id: /);
    for (const text of ['', 'null', '[]', '"2511.18659"', '{"id": 2511.18659}', '{"id": ""}', '{"id": null, "title": "x"}', '\u0000']) {
      assert.doesNotThrow(() => parseHuggingFacePaper(text));
      assert.equal(parseHuggingFacePaper(text).ok, false, JSON.stringify(text));
    }
  });

  it('needs only an id; ignores unknown fields', () => {
    assert.deepEqual(paper('{"id":"2511.18659","somethingNew":{"nested":[1,2]}}'), {
      id: '2511.18659', title: null, upvotes: null, githubRepo: null, githubStars: null, projectPage: null, models: null, datasets: null,
    });
  });

  it('keeps only repository addresses on github.com or gitlab.com', () => {
    assert.equal(repositoryUrl('https://github.com/apple/ml-clara'), 'https://github.com/apple/ml-clara');
    assert.equal(repositoryUrl('https://gitlab.com/group/sub/project'), 'https://gitlab.com/group/sub/project');
    assert.equal(repositoryUrl('HTTPS://github.com/apple/ml-clara'), 'https://github.com/apple/ml-clara');
    for (const rejected of [
      'https://github.com/apple', // an organisation, not a repository
      'https://github.com/',
      'https://example.com/apple/ml-clara',
      'https://github.com.evil.example/apple/ml-clara',
      'http://github.com/a/b"><img src=x onerror=alert(1)>',
      'javascript:alert(1)//github.com/a/b',
      'git@github.com:apple/ml-clara.git',
      'ftp://github.com/apple/ml-clara',
      '',
    ]) assert.equal(repositoryUrl(rejected), null, rejected);
    assert.equal(webUrl('https://machinelearning.apple.com/research/clara'), 'https://machinelearning.apple.com/research/clara');
    assert.equal(webUrl('data:text/html,<b>hi</b>'), null);
    assert.equal(webUrl(`https://example.com/${'a'.repeat(3000)}`), null);
  });

  it('counts a list answer, and refuses one that is not a list', () => {
    assert.deepEqual(parseHuggingFaceListCount(readHuggingFaceFixture('models/2511.18659.json')), { ok: true, count: 2 });
    assert.deepEqual(parseHuggingFaceListCount(readHuggingFaceFixture('datasets/2511.18659.json')), { ok: true, count: 1 });
    assert.deepEqual(parseHuggingFaceListCount('[]'), { ok: true, count: 0 });
    assert.equal(parseHuggingFaceListCount('{"error":"Invalid filter"}').ok, false);
    assert.equal(parseHuggingFaceListCount('<html>').ok, false);
  });

  it('builds the API addresses, under a mirror’s path too, and refuses one that is not http(s)', () => {
    assert.equal(huggingFacePaperUrl('https://huggingface.co', '2511.18659'), 'https://huggingface.co/api/papers/2511.18659');
    assert.equal(huggingFacePaperUrl('http://127.0.0.1:8080/hf/', '2511.18659'), 'http://127.0.0.1:8080/hf/api/papers/2511.18659');
    assert.equal(huggingFacePaperUrl('https://huggingface.co', 'cs/0112017'), 'https://huggingface.co/api/papers/cs/0112017');
    assert.equal(huggingFacePaperUrl('file:///etc', '2511.18659'), null);
    assert.equal(huggingFacePaperUrl('not an address', '2511.18659'), null);
    assert.equal(
      huggingFaceArtifactsUrl('https://huggingface.co', 'models', '2511.18659'),
      `https://huggingface.co/api/models?filter=arxiv:2511.18659&limit=${ARTIFACT_COUNT_LIMIT}`,
    );
    assert.equal(huggingFaceArtifactsUrl('https://huggingface.co', 'datasets', '2511.18659'), 'https://huggingface.co/api/datasets?filter=arxiv:2511.18659&limit=100');
  });

  it('checks a cached paper as strictly as an answer: a damaged cache cannot bring back a javascript: link', () => {
    const clara = paper(readHuggingFaceFixture('papers/2511.18659.json'));
    assert.ok(HuggingFacePaperSchema.safeParse({ ...clara, models: 2, datasets: 1 }).success);
    assert.equal(HuggingFacePaperSchema.safeParse({ ...clara, githubRepo: 'javascript:alert(1)' }).success, false);
    assert.equal(HuggingFacePaperSchema.safeParse({ ...clara, projectPage: 'command:workbench.action.quit' }).success, false);
    assert.equal(HuggingFacePaperSchema.safeParse({ ...clara, models: -1 }).success, false);
  });
});
