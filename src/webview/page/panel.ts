// The summary panel's page script, bundled by esbuild into media/panel.js (a browser IIFE) and
// loaded with the page's CSP nonce. Its messages are the types of ../messages.ts, the ones the
// extension uses (imported as types only: no zod here); the extension still validates every one
// it gets. It never sends a URL, only a link's kind.
import { appendToNote, isReadingStatus } from '../../core/model/noteAndStatus';
import type { ExtensionMessage, PanelState, WebviewMessage } from '../messages';
import { isPanelLinkKind } from '../panelLinkKinds';

/** What the webview gives its page to talk to the extension (only what this page uses). */
interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const key = document.body.dataset.key ?? '';
// The serializer restores the panel on this paper after a window reload.
vscode.setState({ key });

const note = document.getElementById('note') as HTMLTextAreaElement | null;
const noteState = document.getElementById('note-state');
// The words for the note's state, in the reader's language: the page was built with them.
const words = note?.dataset ?? {};
const SAVING = words.saving || 'Saving…';
const SAVED = words.saved || 'Saved';
const SAVED_AS_YOU_TYPE = words.empty || 'Saved as you type';

/** Edits are numbered; `acked` is the last one the extension has written to workspace state. */
let seq = 0;
let acked = 0;
/** The id of the last text the extension appended to the note (a language-model tool) that this page applied. */
let appended = 0;

function dirty(): boolean {
  return seq !== acked;
}

function showNoteState(text: string): void {
  if (noteState && noteState.textContent !== text) noteState.textContent = text;
}

function sendNote(flush: boolean): void {
  if (!note) return;
  vscode.postMessage({ type: 'setNote', key, note: note.value, seq, flush, appended });
}

if (note) {
  note.addEventListener('input', () => {
    seq += 1;
    showNoteState(SAVING);
    // The extension waits for a pause in typing before it writes to workspace state.
    sendNote(false);
  });
  note.addEventListener('blur', () => {
    if (dirty()) sendNote(true);
  });
}

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="status"]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    if (radio.value === '') vscode.postMessage({ type: 'setStatus', key, status: null });
    else if (isReadingStatus(radio.value)) vscode.postMessage({ type: 'setStatus', key, status: radio.value });
  });
}

// Delegated: the arXiv and Hugging Face details and the match line are replaced in place as
// answers arrive, and their buttons with them.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button) return;
  const link = button.dataset.link;
  if (link !== undefined) {
    if (isPanelLinkKind(link)) vscode.postMessage({ type: 'openLink', key, kind: link });
  } else if (button.dataset.doi !== undefined) {
    vscode.postMessage({ type: 'openDoi', key });
  } else if (button.dataset.chooseMatch !== undefined) {
    vscode.postMessage({ type: 'chooseMatch', key });
  }
});

function applyStatus(status: string | null): void {
  const radio = document.getElementById(`status-${status ?? 'none'}`);
  if (radio instanceof HTMLInputElement && !radio.checked) radio.checked = true;
}

function applyNote(text: string): void {
  // Never overwrite what the reader is typing: their edits win and will be saved.
  if (!note || dirty() || note.value === text) return;
  const focused = document.activeElement === note;
  const { selectionStart, selectionEnd } = note;
  note.value = text;
  if (focused) note.setSelectionRange(Math.min(selectionStart, text.length), Math.min(selectionEnd, text.length));
  showNoteState(text.length > 0 ? SAVED : SAVED_AS_YOU_TYPE);
}

function noteAppended(id: number, text: string, whole: string): void {
  if (!note) return;
  appended = Math.max(appended, id);
  if (!dirty()) return applyNote(whole);
  // The reader is typing: the appended text joins their edits (the same join as the store's), which are saved together.
  if (!note.value.includes(text)) {
    const { selectionStart, selectionEnd } = note;
    note.value = appendToNote(note.value, text);
    note.setSelectionRange(selectionStart, selectionEnd);
  }
  seq += 1;
  showNoteState(SAVING);
  sendNote(false);
}

/** Replaces a section with markup the extension rendered and escaped; the page's CSP runs no script in it. */
function replaceSection(id: string, html: string): void {
  const section = document.getElementById(id);
  if (section) section.innerHTML = html;
}

/** The extension's messages, checked field by field: the page trusts their shape no more than the extension trusts its page's. */
function extensionMessage(data: unknown): ExtensionMessage | undefined {
  if (typeof data !== 'object' || data === null || !('type' in data)) return undefined;
  const message = data as Record<string, unknown>;
  const { type } = message;
  const isString = (name: string) => typeof message[name] === 'string';
  const isNumber = (name: string) => typeof message[name] === 'number';
  switch (type) {
    case 'noteSaved':
      return isNumber('seq') ? (message as ExtensionMessage) : undefined;
    case 'noteAppended':
      return isNumber('id') && isString('text') && isString('note') ? (message as ExtensionMessage) : undefined;
    case 'paperState':
      return isString('note') && (message.status === null || (typeof message.status === 'string' && isReadingStatus(message.status))) ? (message as ExtensionMessage) : undefined;
    case 'arxivDetails':
    case 'matchDetails':
      return isString('html') ? (message as ExtensionMessage) : undefined;
    default:
      return undefined;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = extensionMessage(event.data);
  if (!message) return;
  switch (message.type) {
    case 'noteSaved':
      if (message.seq === seq) {
        acked = seq;
        showNoteState(SAVED);
      }
      break;
    case 'noteAppended':
      noteAppended(message.id, message.text, message.note);
      break;
    case 'paperState':
      applyNote(message.note);
      applyStatus(message.status);
      break;
    case 'matchDetails':
      replaceSection('arxiv-match', message.html);
      break;
    case 'arxivDetails':
      replaceSection('arxiv-details', message.html);
      break;
  }
});

vscode.postMessage({ type: 'ready' });
