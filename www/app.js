// The smtp-reply demo page: explains a pasted reply as the person types, and renders a page for every
// reply code and enhanced status code. No framework: a hash router and a tiny element builder.
// The state lives in the URL hash (#/explain?text=..., #/code/421, #/codes) so every view is a link.
import { renderCodePage } from './code-pages.js';
import { renderCodesIndex } from './codes-index.js';
import { copyText } from './copy.js';
import { $ } from './dom.js';
import { EXAMPLES } from './examples.js';
import { commandSelect, exampleSelect, explainNow, fillExamples, result, status, textarea, warmUp } from './explain-view.js';
import { loadError, loadPackage, packageMissing, pkg } from './library.js';

// ---------------------------------------------------------------------------------------------------
// Routing.

/** "#/codes?q=x#c4" → { path: "/codes", params: q=x, anchor: "c4" } (the anchor scrolls to a group). */
function parseHash() {
  let hash = location.hash.replace(/^#/, '');
  let anchor = null;
  const sharp = hash.indexOf('#');
  if (sharp >= 0) {
    anchor = hash.slice(sharp + 1);
    hash = hash.slice(0, sharp);
  }
  const [path, query = ''] = hash.split('?');
  return { path: path || '/', params: new URLSearchParams(query), anchor };
}

/** Texts longer than this (in characters) stay out of the address: long URLs get cut or refused. */
const MAX_LINK_TEXT = 100000;
/** The last text too long for the address; the history entry holds it too (a reload keeps it). */
let longText = null;

const tooLong = (text) => text.length > MAX_LINK_TEXT;

/** The address of the explain view with what the box and the command picker hold. */
function explainHash() {
  const p = new URLSearchParams();
  if (tooLong(textarea.value)) p.set('long', '1');
  else if (textarea.value) p.set('text', textarea.value);
  if (commandSelect.value) p.set('cmd', commandSelect.value);
  const q = p.toString();
  return q ? `#/explain?${q}` : '#/';
}

/**
 * Writes what the controls hold into the address (a new history entry when `push`), then lets
 * route() show it: the address is the page's only state, the controls only edit it.
 */
function commit(push) {
  const target = explainHash();
  const long = tooLong(textarea.value);
  if (long) longText = textarea.value;
  if (location.hash !== target || long) history[push ? 'pushState' : 'replaceState'](long ? { text: textarea.value } : null, '', target);
  route();
}

/** The text the address stands for: its `text`, a long text kept aside, or the first example. */
function textOf(params) {
  if (params.has('text')) return params.get('text');
  if (params.get('long')) return history.state?.text ?? longText ?? '';
  // Only a visit with no address at all shows an example; "#/" (after Clear) is an empty box.
  return location.hash ? '' : EXAMPLES[0].text;
}

let lastView = null;

function show(viewId) {
  for (const id of ['view-explain', 'view-code', 'view-codes']) $(id).hidden = id !== viewId;
  $('nav-explain').toggleAttribute('aria-current', viewId === 'view-explain');
  $('nav-codes').toggleAttribute('aria-current', viewId === 'view-codes');
  if ($('nav-explain').hasAttribute('aria-current')) $('nav-explain').setAttribute('aria-current', 'page');
  if ($('nav-codes').hasAttribute('aria-current')) $('nav-codes').setAttribute('aria-current', 'page');
}

function route(initial = false) {
  const { path, params, anchor } = parseHash();
  let viewId;
  const code = /^\/code\/(.+)$/.exec(path);
  if (code) {
    viewId = 'view-code';
    show(viewId);
    renderCodePage(decodeURIComponent(code[1]));
  } else if (path === '/codes') {
    viewId = 'view-codes';
    show(viewId);
    renderCodesIndex(params.get('q') ?? '');
  } else {
    viewId = 'view-explain';
    show(viewId);
    document.title = 'smtp-reply: explain any SMTP reply';
    const text = textOf(params);
    const long = params.get('long') && tooLong(text);
    if (long && !history.state?.text) history.replaceState({ text }, '');
    let cmd = params.get('cmd') ?? (location.hash ? '' : (EXAMPLES[0].command ?? ''));
    if (![...commandSelect.options].some((o) => o.value === cmd)) cmd = '';
    // Set only what changed: setting a textarea's value moves the caret.
    if (text !== textarea.value) textarea.value = text;
    if (cmd !== commandSelect.value) commandSelect.value = cmd;
    const ex = EXAMPLES.findIndex((e) => e.text === text && (e.command ?? '') === cmd);
    exampleSelect.value = ex >= 0 ? String(ex) : '';
    $('link-note').hidden = !params.get('long');
    $('link-note').textContent = long
      ? `This text is over ${MAX_LINK_TEXT / 1000} KB, too long for the address: a copied link or a bookmark opens an empty box (reloading this tab keeps the text).`
      : `The link was made from a text over ${MAX_LINK_TEXT / 1000} KB, too long for a link to hold: paste the text again.`;
    // The way back to this view keeps the text.
    $('nav-explain').setAttribute('href', explainHash());
    document.querySelector('.brand').setAttribute('href', explainHash());
    if (pkg) explainNow();
    else if (loadError) packageMissing(result);
  }
  const target = anchor && document.getElementById(anchor);
  if (target) {
    target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView();
  } else if (!initial && viewId !== lastView) {
    window.scrollTo(0, 0);
    const h1 = $(viewId).querySelector('h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: true });
    }
  }
  lastView = viewId;
}

// ---------------------------------------------------------------------------------------------------
// Start.

fillExamples();
// Explained once per frame: a burst of input events (a paste, a fast typist, a script) costs one
// explanation, never one per event. A long text (a log of a few hundred lines takes a few hundred
// milliseconds) is explained when the typing pauses, so that typing into it does not lag.
const LONG_TEXT = 20_000;
const PAUSE_MS = 300;
let pending = false;
let timer = 0;
function explainInput() {
  pending = false;
  commit(false);
}
textarea.addEventListener('input', () => {
  clearTimeout(timer);
  if (textarea.value.length > LONG_TEXT) {
    timer = setTimeout(explainInput, PAUSE_MS);
  } else if (!pending) {
    pending = true;
    requestAnimationFrame(explainInput);
  }
});
commandSelect.addEventListener('change', () => commit(false));
exampleSelect.addEventListener('change', () => {
  const ex = EXAMPLES[Number(exampleSelect.value)];
  if (!ex) return;
  textarea.value = ex.text;
  commandSelect.value = ex.command ?? '';
  commit(true);
});
$('clear').addEventListener('click', () => {
  textarea.value = '';
  commandSelect.value = '';
  commit(true);
  textarea.focus();
});
$('copy-link').addEventListener('click', (ev) => {
  commit(false);
  const said = tooLong(textarea.value)
    ? `Link copied without the text: over ${MAX_LINK_TEXT / 1000} KB is too long for a link.`
    : 'Link copied: it opens this page with the same text.';
  copyText(location.href, ev.currentTarget, said);
});
$('explain-form').addEventListener('submit', (ev) => ev.preventDefault());
// The skip link must not touch the hash: the hash is the page's state.
document.querySelector('.skip').addEventListener('click', (ev) => {
  ev.preventDefault();
  $('main').focus();
});
window.addEventListener('hashchange', () => route(false));

route(true);
const loadMs = await loadPackage();
if (pkg) {
  route(true);
  const firstShown = performance.now();
  $('timing').textContent = `WebAssembly loaded in ${Math.round(loadMs)} ms; first view ready ${Math.round(firstShown)} ms after the page started loading.`;
  document.documentElement.dataset.ready = 'true';
  // After the first view, so that it is not delayed: the timings shown are then a warm engine's.
  warmUp().then(() => {
    document.documentElement.dataset.warm = 'true';
  });
} else {
  status.textContent = 'The parser could not be loaded.';
  packageMissing(result);
  if (lastView !== 'view-explain') packageMissing($(lastView));
  document.documentElement.dataset.ready = 'error';
}
