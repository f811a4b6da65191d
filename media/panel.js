// The summary panel's page script. Plain JS, loaded with the page's CSP nonce. The messages it
// sends and receives follow src/webview/messages.ts (the one place their shapes are written
// down); the extension validates every one of them. It never sends a URL, only a link's kind.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const key = document.body.dataset.key || '';
  // The serializer restores the panel on this paper after a window reload.
  vscode.setState({ key });

  const note = /** @type {HTMLTextAreaElement | null} */ (document.getElementById('note'));
  const noteState = document.getElementById('note-state');
  // The words for the note's state, in the reader's language: the page was built with them.
  const words = note ? note.dataset : {};
  const SAVING = words.saving || 'Saving…';
  const SAVED = words.saved || 'Saved';
  const SAVED_AS_YOU_TYPE = words.empty || 'Saved as you type';

  /** Edits are numbered; `acked` is the last one the extension has written to workspace state. */
  let seq = 0;
  let acked = 0;
  /** The id of the last text the extension appended to the note (a language-model tool) that this page applied. */
  let appended = 0;

  function dirty() {
    return seq !== acked;
  }

  function showNoteState(text) {
    if (noteState && noteState.textContent !== text) noteState.textContent = text;
  }

  function sendNote(flush) {
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

  for (const radio of document.querySelectorAll('input[name="status"]')) {
    radio.addEventListener('change', () => {
      const input = /** @type {HTMLInputElement} */ (radio);
      if (input.checked) vscode.postMessage({ type: 'setStatus', key, status: input.value === '' ? null : input.value });
    });
  }

  // Delegated: the arXiv and Hugging Face details and the match line are replaced in place as
  // answers arrive, and their buttons with them.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!(button instanceof HTMLElement)) return;
    if (button.dataset.link !== undefined) vscode.postMessage({ type: 'openLink', key, kind: button.dataset.link });
    else if (button.dataset.doi !== undefined) vscode.postMessage({ type: 'openDoi', key });
    else if (button.dataset.chooseMatch !== undefined) vscode.postMessage({ type: 'chooseMatch', key });
  });

  function applyStatus(status) {
    const radio = document.getElementById(`status-${status || 'none'}`);
    if (radio && !(/** @type {HTMLInputElement} */ (radio).checked)) /** @type {HTMLInputElement} */ (radio).checked = true;
  }

  function applyNote(text) {
    // Never overwrite what the reader is typing: their edits win and will be saved.
    if (!note || dirty() || note.value === text) return;
    const focused = document.activeElement === note;
    const { selectionStart, selectionEnd } = note;
    note.value = text;
    if (focused) note.setSelectionRange(Math.min(selectionStart, text.length), Math.min(selectionEnd, text.length));
    showNoteState(text.length > 0 ? SAVED : SAVED_AS_YOU_TYPE);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'noteSaved':
        if (typeof message.seq === 'number' && message.seq === seq) {
          acked = seq;
          showNoteState(SAVED);
        }
        break;
      case 'noteAppended':
        if (!note || typeof message.id !== 'number' || typeof message.text !== 'string' || typeof message.note !== 'string') break;
        appended = Math.max(appended, message.id);
        if (dirty()) {
          // The reader is typing: the appended text joins their edits (the same join as the store's), which are saved together.
          if (!note.value.includes(message.text)) {
            const { selectionStart, selectionEnd } = note;
            const kept = note.value.trimEnd();
            note.value = kept === '' ? message.text : `${kept}\n\n${message.text}`;
            note.setSelectionRange(selectionStart, selectionEnd);
          }
          seq += 1;
          showNoteState(SAVING);
          sendNote(false);
        } else {
          applyNote(message.note);
        }
        break;
      case 'paperState':
        if (typeof message.note === 'string') applyNote(message.note);
        applyStatus(message.status);
        break;
      case 'matchDetails': {
        // Markup the extension rendered and escaped, as for arxivDetails.
        const match = document.getElementById('arxiv-match');
        if (match && typeof message.html === 'string') match.innerHTML = message.html;
        break;
      }
      case 'arxivDetails': {
        // Markup the extension rendered and escaped; the page's CSP runs no script in it.
        const details = document.getElementById('arxiv-details');
        if (details && typeof message.html === 'string') details.innerHTML = message.html;
        break;
      }
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
