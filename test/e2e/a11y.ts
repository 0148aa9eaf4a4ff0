import type { Page } from 'playwright-core';

/*
 * An accessibility audit of the screen in the page, run where the browser tests take their
 * screenshots: WCAG 2.1 AA text contrast (4.5:1, 3:1 for large text), a name for every control,
 * button and link, labelled or hidden graphics, one h1, the document's language, and a visible focus
 * indicator on the first tab stops. It runs in the page as a string (the tests compile without the
 * DOM's types) and returns one line per problem.
 */
const AUDIT = String.raw`(() => {
  const problems = [];
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className.trim() !== '' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text + '"' : '');
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
      if (e.getAttribute('aria-hidden') === 'true') return false;
    }
    return true;
  };
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  // the background behind an element: its ancestors' colours composed, or null when an image or gradient is involved
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage && s.backgroundImage !== 'none') return null;
      const c = parse(s.backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const nameOf = (el) => {
    const labelledby = el.getAttribute('aria-labelledby');
    if (labelledby) {
      const t = labelledby.split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
      if (t) return t;
    }
    const aria = (el.getAttribute('aria-label') || '').trim();
    if (aria) return aria;
    if (el.labels && el.labels.length > 0) {
      const t = Array.from(el.labels).map((l) => l.textContent || '').join(' ').trim();
      if (t) return t;
    }
    const title = (el.getAttribute('title') || '').trim();
    if (title) return title;
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) return ''; // a placeholder is no label
    const text = (el.innerText || el.textContent || '').trim();
    if (text) return text;
    const img = el.querySelector('img[alt]');
    if (img && img.getAttribute('alt').trim()) return img.getAttribute('alt').trim();
    const svg = el.querySelector('svg[aria-label]');
    return svg ? svg.getAttribute('aria-label').trim() : '';
  };

  if (!document.documentElement.lang) problems.push('the document has no lang attribute');
  const h1s = Array.from(document.querySelectorAll('h1')).filter(visible);
  if (h1s.length !== 1) problems.push('the screen has ' + h1s.length + ' visible h1 headings (want 1)');

  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || !visible(el)) continue;
    if (!nameOf(el)) problems.push('form control without a label: ' + describe(el));
  }
  for (const el of document.querySelectorAll('button, a[href], [role="button"], [role="tab"], [role="link"]')) {
    if (!visible(el)) continue;
    if (!nameOf(el)) problems.push('control without a name: ' + describe(el));
  }
  for (const el of document.querySelectorAll('img')) {
    if (visible(el) && el.getAttribute('alt') === null) problems.push('image without alt: ' + describe(el));
  }
  for (const el of document.querySelectorAll('svg')) {
    if (!visible(el) || el.closest('[aria-hidden="true"], button, a')) continue;
    const named = el.getAttribute('role') === 'img' && (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.querySelector('title'));
    if (!named && el.getAttribute('aria-hidden') !== 'true' && el.getAttribute('role') !== 'presentation') problems.push('graphic neither labelled (role=img + name) nor hidden: ' + describe(el));
  }

  // text contrast, element by element for the elements that hold text themselves
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent || !n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || seen.has(el) || !visible(el)) continue;
    seen.add(el);
    if (el.closest('svg')) continue; // chart labels: checked through their table alternatives
    if (el.closest('[disabled], [aria-disabled="true"]')) continue; // WCAG exempts inactive controls
    const s = getComputedStyle(el);
    const fg = parse(s.color);
    const bg = background(el);
    if (!fg || !bg) continue;
    const text = over(fg, bg);
    const [a, b] = [lum(text), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(s.fontSize);
    const bold = Number(s.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const need = large ? 3 : 4.5;
    if (ratio < need - 0.005) problems.push('contrast ' + ratio.toFixed(2) + ':1 (want ' + need + ':1) ' + s.color + ' on rgb(' + [bg.r, bg.g, bg.b].map(Math.round).join(', ') + '): ' + describe(el));
  }
  return problems;
})()`;

/** Presses Tab a few times and checks that each focused element shows where the focus is. */
const FOCUS = String.raw`(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
  const id = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + ((el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40)) + '"';
  return { ring, id };
})()`;

export async function auditAccessibility(page: Page, tabStops = 8): Promise<string[]> {
  const problems = (await page.evaluate(AUDIT)) as string[];
  // focus starts from the document, as after a navigation; dialogs and menus are left as they are
  const hasDialog = (await page.evaluate('document.querySelector("dialog[open], [role=dialog]") !== null')) as boolean;
  if (!hasDialog) {
    await page.evaluate('window.__a11yFocus = document.activeElement; document.activeElement && document.activeElement.blur && document.activeElement.blur()');
    for (let i = 0; i < tabStops; i++) {
      await page.keyboard.press('Tab');
      const f = (await page.evaluate(FOCUS)) as { ring: boolean; id: string } | null;
      if (f !== null && !f.ring) problems.push(`no visible focus indicator on ${f.id}`);
    }
    // back to where the test had the focus
    await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur(); window.__a11yFocus && window.__a11yFocus.focus && window.__a11yFocus.focus({ preventScroll: true })');
  }
  return [...new Set(problems)];
}
