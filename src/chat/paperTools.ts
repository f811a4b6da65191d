// The language-model tools (`#papers`, `#paper`, `#paperIssue`, `#setPaperStatus`, `#addToPaperNote`):
// each parses its input with zod, asks PaperQueries, and answers with the text of
// src/core/chat/toolText (newsletter text quoted, every answer bounded). The two that change the
// reader's data ask first (prepareInvocation) and write through the same store as the panel.
import * as vscode from 'vscode';
import { Tool, type ToolName } from '../constants';
import { AppendNoteInput, GetPaperInput, issueReference, ListIssueInput, parseToolInput, SearchPapersInput, SetReadingStatusInput, statusOf, TOOL_LIMITS } from '../core/chat/toolInput';
import { MAX_NOTE_LENGTH } from '../core/model/paperState';
import { answer, quoteLine, issueAnswer, noIssueAnswer, noPaperAnswer, noteAppendedAnswer, paperAnswer, searchAnswer, statusChangedAnswer } from '../core/chat/toolText';
import { snapshotOf, type PaperTarget } from '../papers/paperTarget';
import type * as z from 'zod';
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

/** The paper the reader (or the model) named: by key, arXiv id, or the best search hit. */
function targetOf(queries: PaperQueries, paper: string): PaperTarget | undefined {
  const key = queries.resolve(paper);
  return key === undefined ? undefined : queries.target(key);
}

/** What a tool that changes a paper's data does: says what it is doing, asks first, then changes it and answers. */
interface PaperChange<T> {
  readonly invocation: () => string;
  readonly confirmation: (target: PaperTarget, input: T) => Confirmation;
  readonly change: (target: PaperTarget, input: T) => Promise<string>;
}

/** A tool that changes the data of the paper its input names: found (or said not to be) the same way for each. */
function paperChangeTool<T extends { readonly paper: string }>(queries: PaperQueries, schema: z.ZodType<T>, tool: PaperChange<T>): vscode.LanguageModelTool<unknown> {
  return {
    async prepareInvocation(options) {
      await queries.ready;
      const input = parseToolInput(schema, options.input);
      const target = input.ok ? targetOf(queries, input.value.paper) : undefined;
      if (!input.ok || !target) return prepared(vscode.l10n.t('Looking for the paper'));
      return prepared(tool.invocation(), tool.confirmation(target, input.value));
    },
    async invoke(options) {
      await queries.ready;
      const input = parseToolInput(schema, options.input);
      if (!input.ok) return result(answer([input.message]));
      const target = targetOf(queries, input.value.paper);
      if (!target) return result(noPaperAnswer(input.value.paper));
      return result(await tool.change(target, input.value));
    },
  };
}

/** The tools, by name: registered by registerPaperTools, and called directly by the tests. */
export function paperTools(queries: PaperQueries, store: PaperStateStore): Tools {
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
    [Tool.setReadingStatus]: paperChangeTool(queries, SetReadingStatusInput, {
      invocation: () => vscode.l10n.t('Setting the reading status'),
      confirmation: (target, input) => statusConfirmation(target.title, store.status(target.key), statusOf(input.status), vscode.l10n),
      async change(target, input) {
        const from = store.status(target.key);
        const to = statusOf(input.status);
        if (from !== to) await store.setStatus(target.key, to, snapshotOf(target));
        return statusChangedAnswer(target.title, from, to);
      },
    }),
    [Tool.appendNote]: paperChangeTool(queries, AppendNoteInput, {
      invocation: () => vscode.l10n.t('Adding to your note'),
      confirmation: (target, input) => appendConfirmation(target.title, input.text, store.note(target.key).trim() !== '', vscode.l10n),
      async change(target, input) {
        if (store.note(target.key).length + input.text.length > MAX_NOTE_LENGTH) return answer([`The reader's note on ${quoteLine(target.title)} is too long to add to (over ${MAX_NOTE_LENGTH} characters); nothing was added.`]);
        const note = await store.appendNote(target.key, input.text, snapshotOf(target));
        return noteAppendedAnswer(target.title, note.length);
      },
    }),
  };
}

/** Registers every tool; the registrations are the caller's to dispose. */
export function registerPaperTools(tools: Tools): vscode.Disposable[] {
  return Object.entries(tools).map(([name, tool]) => vscode.lm.registerTool(name, tool));
}
