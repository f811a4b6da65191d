// What the language-model tools accept, checked with zod before anything is looked up: every
// field is bounded, and a value over a bound gets a sentence the model can act on. package.json's
// `inputSchema` for each tool says the same (a unit test keeps the two in step).
import * as z from 'zod';
import { ReadingStatus } from '../model/paperState';

/** The longest query, paper reference or appended note the tools take. */
export const TOOL_LIMITS = {
  query: 200,
  paper: 300,
  issue: 20,
  appendText: 4000,
  maxResults: 20,
} as const;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, { error: `${what} is empty.` })
    .max(max, { error: `${what} is longer than ${max} characters; shorten it.` });

export const SearchPapersInput = z.strictObject({
  query: text('query', TOOL_LIMITS.query),
  maxResults: z
    .number({ error: 'maxResults must be a number.' })
    .int({ error: 'maxResults must be a whole number.' })
    .min(1, { error: 'maxResults must be at least 1.' })
    .max(TOOL_LIMITS.maxResults, { error: `maxResults is at most ${TOOL_LIMITS.maxResults}.` })
    .optional(),
});
export type SearchPapersInput = z.infer<typeof SearchPapersInput>;

export const GetPaperInput = z.strictObject({ paper: text('paper', TOOL_LIMITS.paper) });
export type GetPaperInput = z.infer<typeof GetPaperInput>;

/** A volume number, or "latest" (also as a string of digits: models send "132" as often as 132). */
export const ListIssueInput = z.strictObject({
  issue: z.union([
    z.number().int().min(0).max(1_000_000),
    z
      .string()
      .trim()
      .max(TOOL_LIMITS.issue, { error: `issue is longer than ${TOOL_LIMITS.issue} characters.` })
      .regex(/^(latest|vol\.?\s*\d{1,7}|\d{1,7})$/i, { error: 'issue must be a volume number (e.g. 132) or "latest".' }),
  ], { error: 'issue must be a volume number (e.g. 132) or "latest".' }),
});
export type ListIssueInput = z.infer<typeof ListIssueInput>;

/** The volume an issue reference names, or "latest". */
export function issueReference(input: ListIssueInput['issue']): number | 'latest' {
  if (typeof input === 'number') return input;
  if (/^latest$/i.test(input)) return 'latest';
  return Number(/\d+/.exec(input)?.[0] ?? Number.NaN);
}

/** "none" clears the status (off the reading list). */
export const ToolStatus = z.enum([...ReadingStatus.options, 'none'], { error: 'status must be one of toRead, reading, read, none.' });

export const SetReadingStatusInput = z.strictObject({ paper: text('paper', TOOL_LIMITS.paper), status: ToolStatus });
export type SetReadingStatusInput = z.infer<typeof SetReadingStatusInput>;

export const AppendNoteInput = z.strictObject({ paper: text('paper', TOOL_LIMITS.paper), text: text('text', TOOL_LIMITS.appendText) });
export type AppendNoteInput = z.infer<typeof AppendNoteInput>;

/** The status a tool's input names: null for "none". */
export function statusOf(input: SetReadingStatusInput['status']): ReadingStatus | null {
  return input === 'none' ? null : input;
}

export type ParsedInput<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The input, or one sentence per problem for the model to fix its call with. */
export function parseToolInput<T>(schema: z.ZodType<T>, input: unknown): ParsedInput<T> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.join('.');
    return issue.code === 'invalid_type' && issue.input === undefined && field ? `${field} is required.` : issue.message;
  });
  return { ok: false, message: `The input was not used: ${[...new Set(problems)].join(' ')}` };
}
