// The smtp-reply demo page: explains a pasted reply as the person types, and renders a page for every
// reply code and enhanced status code. No framework: a hash router and a tiny element builder.
// The state lives in the URL hash (#/explain?text=..., #/code/421, #/codes) so every view is a link.
import { renderCodePage } from './code-pages.js';
import { renderCodesIndex } from './codes-index.js';
import { copyText } from './copy.js';
import { $ } from './dom.js';
import { EXAMPLES } from './examples.js';
import { commandSelect, exampleSelect, explainNow, fillExamples, result, status, textarea } from './explain-view.js';
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

function explainHash() {
  const p = new URLSearchParams();
  if (textarea.value) p.set('text', textarea.value);
  if (commandSelect.value) p.set('cmd', commandSelect.value);
  const q = p.toString();
  return q ? `#/explain?${q}` : '#/';
}

function syncHash(push) {
  const target = explainHash();
  if (location.hash === target || (!location.hash && target === '#/')) return;
  history[push ? 'pushState' : 'replaceState'](null, '', target);
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
    const text = params.get('text');
    const cmd = params.get('cmd') ?? '';
    if (text !== null && text !== textarea.value) textarea.value = text;
    if (cmd !== commandSelect.value) commandSelect.value = [...commandSelect.options].some((o) => o.value === cmd) ? cmd : '';
    if (initial && text === null && !textarea.value) {
      const first = EXAMPLES[0];
      textarea.value = first.text;
    }
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
// explanation, never one per event.
let pending = false;
textarea.addEventListener('input', () => {
  exampleSelect.value = '';
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    explainNow();
    syncHash(false);
  });
});
commandSelect.addEventListener('change', () => {
  explainNow();
  syncHash(false);
});
exampleSelect.addEventListener('change', () => {
  const ex = EXAMPLES[Number(exampleSelect.value)];
  if (!ex) return;
  textarea.value = ex.text;
  commandSelect.value = ex.command ?? '';
  explainNow();
  syncHash(true);
});
$('clear').addEventListener('click', () => {
  textarea.value = '';
  commandSelect.value = '';
  exampleSelect.value = '';
  explainNow();
  syncHash(true);
  textarea.focus();
});
$('copy-link').addEventListener('click', (ev) => {
  syncHash(false);
  const url = location.hash ? location.href : `${location.href.replace(/#.*$/, '')}${explainHash()}`;
  copyText(url, ev.currentTarget, 'Link copied: it opens this page with the same text.');
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
} else {
  status.textContent = 'The parser could not be loaded.';
  packageMissing(result);
  if (lastView !== 'view-explain') packageMissing($(lastView));
  document.documentElement.dataset.ready = 'error';
}
