// The language-model tools (`#papers`, `#paper`, `#paperIssue`, `#setPaperStatus`, `#addToPaperNote`):
// each parses its input with zod, asks PaperQueries, and answers with the text of
// src/core/chat/toolText (newsletter text quoted, every answer bounded). The two that change the
// reader's data ask first (prepareInvocation) and write through the same store as the panel.
import * as vscode from 'vscode';
import { Tool, type ToolName } from '../constants';
import { AppendNoteInput, GetPaperInput, issueReference, ListIssueInput, parseToolInput, SearchPapersInput, SetReadingStatusInput, statusOf, TOOL_LIMITS } from '../core/chat/toolInput';
import { MAX_NOTE_LENGTH } from '../core/model/paperState';
import { answer, quoteLine, issueAnswer, noIssueAnswer, noPaperAnswer, noteAppendedAnswer, paperAnswer, searchAnswer, statusChangedAnswer } from '../core/chat/toolText';
import { snapshotOf } from '../papers/paperTarget';
import type { PaperStateStore } from '../storage/paperStateStore';
import type { PaperQueries } from './paperQueries';
import { appendConfirmation, statusConfirmation, type Confirmation } from './toolConfirmations';

type Tools = Readonly<Record<ToolName, vscode.LanguageModelTool<unknown>>>;

function result(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

function prepared(invocationMessage: string, confirmation?: Confirmation): vscode.PreparedToolInvocation {
  if (!confirmation) return { invocationMessage };
  const message = new vscode.MarkdownString(confirmation.message);
  message.isTrusted = false;
  message.supportHtml = false;
  return { invocationMessage, confirmationMessages: { title: confirmation.title, message } };
}

/** The tools, by name: registered by registerPaperTools, and called directly by the tests. */
export function paperTools(queries: PaperQueries, store: PaperStateStore): Tools {
  /** The paper the reader (or the model) named: by key, arXiv id, or the best search hit. */
  const targetOf = (paper: string) => {
    const key = queries.resolve(paper);
    return key === undefined ? undefined : queries.target(key);
  };
  return {
    [Tool.searchPapers]: {
      async invoke(options) {
        await queries.ready;
        const input = parseToolInput(SearchPapersInput, options.input);
        if (!input.ok) return result(answer([input.message]));
        const { papers, total } = queries.search(input.value.query, input.value.maxResults ?? TOOL_LIMITS.maxResults);
        return result(searchAnswer(input.value.query, papers, total));
      },
    },
    [Tool.getPaper]: {
      async invoke(options) {
        await queries.ready;
        const input = parseToolInput(GetPaperInput, options.input);
        if (!input.ok) return result(answer([input.message]));
        const key = queries.resolve(input.value.paper);
        const details = key === undefined ? undefined : queries.details(key);
        return result(details ? paperAnswer(details) : noPaperAnswer(input.value.paper));
      },
    },
    [Tool.listIssue]: {
      async invoke(options) {
        await queries.ready;
        const input = parseToolInput(ListIssueInput, options.input);
        if (!input.ok) return result(answer([input.message]));
        const reference = issueReference(input.value.issue);
        const { issue, newestVolume, volumes } = queries.issue(reference);
        return result(issue ? issueAnswer(issue, newestVolume) : noIssueAnswer(reference, volumes));
      },
    },
    [Tool.setReadingStatus]: {
      async prepareInvocation(options) {
        await queries.ready;
        const input = parseToolInput(SetReadingStatusInput, options.input);
        const target = input.ok ? targetOf(input.value.paper) : undefined;
        if (!input.ok || !target) return prepared(vscode.l10n.t('Looking for the paper'));
        const to = statusOf(input.value.status);
        return prepared(vscode.l10n.t('Setting the reading status'), statusConfirmation(target.title, store.status(target.key), to, vscode.l10n));
      },
      async invoke(options) {
        await queries.ready;
        const input = parseToolInput(SetReadingStatusInput, options.input);
        if (!input.ok) return result(answer([input.message]));
        const target = targetOf(input.value.paper);
        if (!target) return result(noPaperAnswer(input.value.paper));
        const from = store.status(target.key);
        const to = statusOf(input.value.status);
        if (from !== to) await store.setStatus(target.key, to, snapshotOf(target));
        return result(statusChangedAnswer(target.title, from, to));
      },
    },
    [Tool.appendNote]: {
      async prepareInvocation(options) {
        await queries.ready;
        const input = parseToolInput(AppendNoteInput, options.input);
        const target = input.ok ? targetOf(input.value.paper) : undefined;
        if (!input.ok || !target) return prepared(vscode.l10n.t('Looking for the paper'));
        return prepared(vscode.l10n.t('Adding to your note'), appendConfirmation(target.title, input.value.text, store.note(target.key).trim() !== '', vscode.l10n));
      },
      async invoke(options) {
        await queries.ready;
        const input = parseToolInput(AppendNoteInput, options.input);
        if (!input.ok) return result(answer([input.message]));
        const target = targetOf(input.value.paper);
        if (!target) return result(noPaperAnswer(input.value.paper));
        if (store.note(target.key).length + input.value.text.length > MAX_NOTE_LENGTH) return result(answer([`The reader's note on ${quoteLine(target.title)} is too long to add to (over ${MAX_NOTE_LENGTH} characters); nothing was added.`]));
        const note = await store.appendNote(target.key, input.value.text, snapshotOf(target));
        return result(noteAppendedAnswer(target.title, note.length));
      },
    },
  };
}

/** Registers every tool; the registrations are the caller's to dispose. */
export function registerPaperTools(tools: Tools): vscode.Disposable[] {
  return Object.entries(tools).map(([name, tool]) => vscode.lm.registerTool(name, tool));
}
