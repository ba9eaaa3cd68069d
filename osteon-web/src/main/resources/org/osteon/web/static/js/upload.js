// Models users bring (POST /api/models): the dialog to paste or upload Antimony or SBML, and the texts
// kept in this browser (localStorage), so that a link to an uploaded model, or a server that has
// forgotten it (it keeps only the most recently used uploads), only means uploading the text again.
import * as api from './api.js';

const KEY = 'osteon.uploads';
const KEEP = 5;

export const isUpload = (id) => typeof id === 'string' && id.startsWith('upload-');

/** The uploads this browser remembers, most recent first: [{id, name, title, text}]. */
export function remembered() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY));
    return Array.isArray(list) ? list : [];
  } catch (e) {
    return [];
  }
}

function remember(entry) {
  const list = [entry, ...remembered().filter((u) => u.id !== entry.id)].slice(0, KEEP);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch (e) {
    // Storage full or disabled: the model stays usable while the server keeps it.
  }
}

/** Sends the text; the answer is the model's summary with id, name, format and the reader's warnings. */
export async function upload(text, name) {
  const type = text.trimStart().startsWith('<') ? 'application/xml' : 'text/plain';
  const summary = await api.postText(`/api/models?name=${encodeURIComponent(name || 'model')}`, text, type);
  remember({id: summary.id, name: summary.name, title: summary.title, text});
  return summary;
}

/** Uploads the remembered text of {@code id} again; false if this browser does not have it. */
export async function restore(id) {
  const entry = remembered().find((u) => u.id === id);
  if (!entry) return false;
  await upload(entry.text, entry.name);
  return true;
}

/**
 * Wires the dialog. onLoaded(summary) is called with the uploaded model's summary once the server
 * has read and compiled it; problems (with their lines) stay in the dialog.
 */
export function wireDialog({onLoaded}) {
  const $ = (id) => document.getElementById(id);
  const dialog = $('model-dialog');
  const text = $('model-text');
  const note = $('model-upload-status');
  let fileName = null;
  let fileText = null;
  const say = (message, error = false) => {
    note.textContent = message;
    note.classList.toggle('error', error);
  };
  $('open-model').addEventListener('click', () => {
    say('');
    dialog.showModal();
    text.focus();
  });
  $('model-file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    fileName = file.name;
    fileText = text.value = await file.text();
    say(`${file.name}: ${file.size} bytes read. Explore it, or edit the text first.`);
  });
  $('model-form').addEventListener('submit', async (e) => {
    if (e.submitter && e.submitter.value === 'cancel') return;
    e.preventDefault();
    const body = text.value;
    if (!body.trim()) {
      say('Paste a model, or choose a file.', true);
      return;
    }
    const name = fileName && body === fileText ? fileName : 'pasted model';
    $('model-load').disabled = true;
    say('Reading and compiling the model...');
    try {
      let summary;
      try {
        summary = await upload(body, name);
      } catch (err) {
        // 422: the time budget ran out, but the server goes on reading the model and keeps it: ask again, once.
        if (err.status !== 422) throw err;
        say('The server is still reading and compiling the model; asking again in 3 s...');
        await new Promise((resolve) => setTimeout(resolve, 3000));
        summary = await upload(body, name);
      }
      dialog.close();
      await onLoaded(summary);
    } catch (err) {
      say(err.message, true);
    } finally {
      $('model-load').disabled = false;
    }
  });
}
