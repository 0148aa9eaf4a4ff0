import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { auditAccessibility } from './a11y';
import { launchChromium } from './support';

/** The audit every screenshot runs finds what it is meant to find (and passes a page that has none of it). */
describe('the accessibility audit', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('reports low contrast, unnamed controls, unlabelled graphics, missing h1 and lang, and invisible focus', async () => {
    await page.setContent(`<html><body style="background:#fff">
      <p style="color:#aaa">Pale text</p>
      <input type="text">
      <button style="outline:none"></button>
      <a href="/x" style="outline:none">Plain link</a>
      <svg width="20" height="20"><rect width="20" height="20"/></svg>
      <p style="color:#767676">Just enough contrast</p>
    </body></html>`);
    const problems = await auditAccessibility(page);
    expect(problems.some((p) => p.startsWith('contrast 2.32:1') && p.includes('"Pale text"'))).toBe(true);
    expect(problems.some((p) => p.includes('Just enough contrast'))).toBe(false); // #767676 on white is 4.54:1
    expect(problems).toContain('the document has no lang attribute');
    expect(problems).toContain('the screen has 0 visible h1 headings (want 1)');
    expect(problems.some((p) => p.startsWith('form control without a label: input'))).toBe(true);
    expect(problems.some((p) => p.startsWith('control without a name: button'))).toBe(true);
    expect(problems.some((p) => p.startsWith('graphic neither labelled'))).toBe(true);
    expect(problems.some((p) => p.startsWith('no visible focus indicator on a "Plain link"'))).toBe(true);
  });

  it('passes a page that names, labels and shows everything', async () => {
    await page.setContent(`<html lang="en"><body style="background:#fff;color:#17191c">
      <h1>Title</h1>
      <label for="q">Search</label><input id="q" type="text" style="outline:2px solid blue">
      <button style="outline:2px solid blue">Save</button>
      <svg role="img" aria-label="Trend" width="20" height="20"><rect width="20" height="20"/></svg>
    </body></html>`);
    expect(await auditAccessibility(page)).toEqual([]);
  });
});
