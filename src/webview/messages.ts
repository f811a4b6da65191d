// The messages between the summary panel's page (src/webview/page/panel.ts) and the extension:
// the one place both sides' shapes are written down. The page imports these types (type-only, so
// no zod in its bundle); the extension trusts nothing it receives until `WebviewMessage` has parsed it.
import * as z from 'zod';
import { MAX_PAPER_KEY_LENGTH } from '../core/model/keys';
import { MAX_NOTE_LENGTH, ReadingStatus } from '../core/model/paperState';
import { PANEL_LINK_KINDS } from './panelLinkKinds';

/** The links a paper can offer, as the webview names them. It never sends a URL. */
export const PanelLinkKind = z.enum(PANEL_LINK_KINDS);
export type PanelLinkKind = z.infer<typeof PanelLinkKind>;

export { MAX_NOTE_LENGTH };

/**
 * Every string has a bound (there are no arrays): a key is at most the longest a paper can have,
 * a note at most what the note store keeps; numbers are safe integers.
 */
const PaperKey = z.string().min(1).max(MAX_PAPER_KEY_LENGTH);
const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Webview -> extension. Each message about a paper names the key of the page that sent it, so
 * one that arrives after the panel moved on to another paper is not applied to the new one.
 */
export const WebviewMessage = z.discriminatedUnion('type', [
  /** The page has loaded and listens. */
  z.strictObject({ type: z.literal('ready') }),
  /**
   * The note as the textarea holds it. `flush: false` while the reader types (saved once they
   * pause), `true` when the textarea loses focus (saved at once). `seq` counts the edits, so
   * the page can tell which one a `noteSaved` answers.
   */
  z.strictObject({
    type: z.literal('setNote'),
    key: PaperKey,
    note: z.string().max(MAX_NOTE_LENGTH),
    seq: Count,
    flush: z.boolean(),
    /** The id of the last `noteAppended` the page applied (absent: none). */
    appended: Count.optional(),
  }),
  z.strictObject({ type: z.literal('setStatus'), key: PaperKey, status: ReadingStatus.nullable() }),
  z.strictObject({ type: z.literal('openLink'), key: PaperKey, kind: PanelLinkKind }),
  /** Opens the DOI arXiv gives for the paper on show (the page never sends the DOI itself). */
  z.strictObject({ type: z.literal('openDoi'), key: PaperKey }),
  /** Runs Choose arXiv Match... on the paper on show. */
  z.strictObject({ type: z.literal('chooseMatch'), key: PaperKey }),
]);
export type WebviewMessage = z.infer<typeof WebviewMessage>;

/**
 * The length of the note a `setNote` carries when that note is what makes it fail (it is over
 * MAX_NOTE_LENGTH and the rest of the message is right), else null: the reader is told, not
 * left with a note that silently stops being saved.
 */
export function overlongNote(message: unknown): number | null {
  if (typeof message !== 'object' || message === null || !('note' in message)) return null;
  const { note } = message;
  if (typeof note !== 'string' || note.length <= MAX_NOTE_LENGTH) return null;
  return WebviewMessage.safeParse({ ...message, note: '' }).success ? note.length : null;
}

/** Extension -> webview. */
export type ExtensionMessage =
  /** The note edit numbered `seq` (and every one before it) is in workspace state. */
  | { readonly type: 'noteSaved'; readonly seq: number }
  /** The note or status changed elsewhere (e.g. the Edit Note command). */
  | { readonly type: 'paperState'; readonly note: string; readonly status: ReadingStatus | null }
  /**
   * Text was appended to the note (a language-model tool): the page adds `text` to a note the
   * reader is editing, else shows `note`; its next `setNote` says it has seen append `id`.
   */
  | { readonly type: 'noteAppended'; readonly id: number; readonly text: string; readonly note: string }
  /** arXiv's details arrived or changed: the section is replaced, the rest of the page (and the note being typed) stays. */
  | { readonly type: 'arxivDetails'; readonly html: string }
  /** Where the paper's arXiv id stands changed (a search started or ended): that line is replaced. */
  | { readonly type: 'matchDetails'; readonly html: string };

/** What the webview keeps with `setState`, so the panel comes back after a window reload. */
export const PanelState = z.object({ key: PaperKey });
export type PanelState = z.infer<typeof PanelState>;
