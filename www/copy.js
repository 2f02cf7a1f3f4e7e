// Copying to the clipboard, with a fallback for browsers that refuse the async clipboard.
import { $, h } from './dom.js';

export function copyText(text, button, message) {
  const done = () => {
    $('status').textContent = message;
    if (button) {
      const old = button.textContent;
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = old), 1500);
    }
  };
  if (navigator.clipboard?.writeText) {
    navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text, done));
  } else {
    fallbackCopy(text, done);
  }
}

export function fallbackCopy(text, done) {
  const area = h('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  if (ok) done();
  else $('status').textContent = `Copy this link: ${text}`;
}
