// What `@papers` and the tools' confirmations show the reader: Markdown in which newsletter text
// can make no link, code, HTML or block of its own, and whose only links open a paper's panel.
import * as assert from 'node:assert/strict';
import { commandUri, escapeMarkdown, markdownFence, paperLink } from '../../src/core/chat/markdown';
import { notesAnswer, promptCutNotice, readPrompt, searchAnswer, weekAnswer } from '../../src/chat/chatAnswers';
import { appendConfirmation, statusConfirmation } from '../../src/chat/toolConfirmations';
import type { IssueFacts, PaperFacts } from '../../src/core/chat/toolText';
import { ENGLISH } from './helpers/english';

const INJECTED = 'Nice](command:workbench.action.terminal.new) `code` <img src=x onerror=alert(1)> **bold**\n# Heading';

const paper = (key: string, title: string, extra: Partial<PaperFacts> = {}): PaperFacts => ({ key, title, org: 'Apple', issueLabel: 'Vol.132 · Nov 24 – Nov 30, 2025', volume: 132, arxivId: null, status: null, hasNote: false, inIssue: true, ...extra });

/** The link targets in a Markdown text (what a renderer would make a link of). */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((match) => match[1] ?? '');
}

describe('chat Markdown', () => {
  it('escapes every character that could make a link, code, HTML or a block', () => {
    const escaped = escapeMarkdown(INJECTED);
    assert.ok(!escaped.includes('\n'));
    assert.ok(!/(?<!\\)[[\]()`<>*#]/.test(escaped), escaped);
    assert.deepEqual(linkTargets(escaped), []);
  });

  it('links a paper to the summary panel by its key alone, whatever its title and key say', () => {
    const link = paperLink(INJECTED, 'vol1:a)b"c', 'weeklyPapers.showSummary');
    const targets = linkTargets(link);
    assert.equal(targets.length, 1);
    assert.equal(targets[0], commandUri('weeklyPapers.showSummary', ['vol1:a)b"c']));
    assert.ok(targets[0]?.startsWith('command:weeklyPapers.showSummary?'));
    assert.deepEqual(JSON.parse(decodeURIComponent(targets[0]?.split('?')[1] ?? '')), ['vol1:a)b"c']);
  });

  it('fences a text with more backticks than it holds', () => {
    assert.equal(markdownFence('a ```` b'), '`````text\na ```` b\n`````');
  });

  it('/week lists the newest issue’s papers with links, statuses and notes', () => {
    const issue: IssueFacts = { label: 'Vol.132 · Nov 24 – Nov 30, 2025', volume: 132, complete: true, papers: [paper('2511.18659', 'CLaRa', { status: 'read', hasNote: true }), paper('k2', INJECTED)], extras: [] };
    const text = weekAnswer(issue, ENGLISH);
    assert.match(text, /^\*\*Vol\\\.132 · Nov 24 – Nov 30, 2025\*\* — 2 papers, 1 read$/m);
    assert.match(text, /^1\. \[CLaRa\]\(command:weeklyPapers\.showSummary\?%5B%222511\.18659%22%5D\) — Apple · Read · note$/m);
    assert.deepEqual(linkTargets(text).map((target) => target.split('?')[0]), ['command:weeklyPapers.showSummary', 'command:weeklyPapers.showSummary']);
    assert.match(weekAnswer(undefined, ENGLISH), /no issues yet/);
  });

  it('/search says how many matched and how many more there are', () => {
    const text = searchAnswer('rerank', [paper('a', 'A'), paper('b', 'B')], 25, ENGLISH);
    assert.match(text, /^25 papers match “rerank”:/);
    assert.match(text, /…and 23 more: add words to narrow the search\./);
    assert.match(searchAnswer('zzz', [], 0, ENGLISH), /No paper matches “zzz”/);
    assert.match(searchAnswer('', [], 0, ENGLISH), /Type words to search for/);
  });

  it('@papers reads the first 200 characters of a question, and has a sentence for when it cut one', () => {
    assert.deepEqual(readPrompt('  reranking with LLMs  '), { text: 'reranking with LLMs', cut: false });
    assert.deepEqual(readPrompt('x'.repeat(200)), { text: 'x'.repeat(200), cut: false });
    const long = readPrompt(`${'which paper '.repeat(30)}uses rerankers?`);
    assert.equal(long.cut, true);
    assert.ok(long.text.length <= 200 && long.text.startsWith('which paper which'), long.text);
    const emoji = readPrompt(`${'a'.repeat(199)}😀 and more`);
    assert.deepEqual(emoji, { text: 'a'.repeat(199), cut: true }, 'never half of a character');
    assert.equal(promptCutNotice(ENGLISH), 'Only the first 200 characters of your question were used.');
  });

  it('/notes quotes the start of each note, escaped', () => {
    const text = notesAnswer([{ ...paper('a', 'A', { hasNote: true }), note: INJECTED }], 1, ENGLISH);
    assert.match(text, /^ {2}> Nice\\\]\\\(command/m);
    assert.equal(linkTargets(text).length, 1);
    assert.match(notesAnswer([], 0, ENGLISH), /no notes yet/);
  });

  it('a confirmation shows the title, the old and new status, and the exact text to append', () => {
    const status = statusConfirmation(INJECTED, 'toRead', 'read', ENGLISH);
    assert.match(status.message, /To Read → \*\*Read\*\*/);
    assert.deepEqual(linkTargets(status.message), []);
    const append = appendConfirmation('CLaRa', 'Compare with ```ColBERT```\nand [x](command:y)', true, ENGLISH);
    assert.match(append.message, /````text\nCompare with ```ColBERT```\nand \[x\]\(command:y\)\n````/);
    assert.match(append.message, /at the end of your note/);
  });
});
