// A tiny element builder and the small pieces of markup every view uses. Text is always set as text,
// never parsed as HTML, so nothing a person pastes can inject markup.

export const $ = (id) => document.getElementById(id);

/** Builds an element: h('p', { class: 'x' }, 'text', child). Text is always set as text, never HTML. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export function codeLink(code, label) {
  return h('a', { href: `#/code/${code}`, class: 'code-link' }, h('code', null, label ?? String(code)));
}

export function explainHref(text, command) {
  const p = new URLSearchParams();
  p.set('text', text);
  if (command) p.set('cmd', command);
  return `#/explain?${p}`;
}

export function safeUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function list(items, cls) {
  return items && items.length ? h('ul', { class: cls }, items.map((i) => h('li', null, i))) : null;
}

export function section(title, id, ...content) {
  const hid = id ? `${id}-h` : null;
  return h('section', { class: 'card', id, 'aria-labelledby': hid }, h('h2', { id: hid }, title), content);
}
