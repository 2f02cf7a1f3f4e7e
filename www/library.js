// Loading the smtp-reply package (/pkg/browser.js) and calling it defensively: the page must say
// what is wrong, never go blank, when the package is missing or an older build lacks a function.
import { h } from './dom.js';

/** The package's module once `init()` resolved, else null. */
export let pkg = null;
/** Why the package could not be loaded, if it could not. */
export let loadError = null;

/** Imports /pkg/browser.js and awaits its init(); resolves with the milliseconds it took, or null. */
export async function loadPackage() {
  const t0 = performance.now();
  try {
    const mod = await import('/pkg/browser.js');
    await mod.init();
    pkg = mod;
    return performance.now() - t0;
  } catch (e) {
    loadError = e;
    return null;
  }
}

/** Says, in `container`, that the package is missing and how to build it. */
export function packageMissing(container) {
  container.replaceChildren(
    h(
      'div',
      { class: 'error-box', role: 'alert' },
      h('p', null, h('strong', null, 'The smtp-reply package could not be loaded.')),
      h('p', null, String(loadError?.message ?? loadError)),
      h('p', null, 'Build it first: ', h('code', null, 'make pkg'), ' (or ', h('code', null, 'make demo'), ', which builds and serves).'),
    ),
  );
}

/** Before the package is there: "loading" (or why it failed), never an empty view. */
export function notLoaded(view) {
  if (loadError) packageMissing(view);
  else view.replaceChildren(h('p', { class: 'status' }, 'Loading the parser…'));
}

/** Calls a package function that may be missing from an older build; returns null instead of throwing. */
export function optional(name, ...args) {
  if (typeof pkg?.[name] !== 'function') return null;
  try {
    return pkg[name](...args);
  } catch {
    return null;
  }
}

let codeIndex = null;

/** Every basic and enhanced code with its title (cached). */
export function allCodes() {
  if (!codeIndex) {
    const c = optional('codes') ?? { basic: [], enhanced: [] };
    codeIndex = { basic: c.basic ?? [], enhanced: c.enhanced ?? [] };
  }
  return codeIndex;
}
