import type { Page } from 'playwright-core';

/** What keyboard focus is on, as a person would name it: the label of a field, or the text of a button or link. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(body)';
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : el.getAttribute('aria-label');
    return (label || el.textContent || el.tagName).trim();
  })()`);
}

/** The focused element's outline, which :focus-visible must make visible. */
export function focusOutline(page: Page): Promise<{ style: string; width: number }> {
  return page.evaluate(`(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  })()`);
}

/** Form controls without a label or aria-label (should be none). */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label'))
    .map((el) => el.outerHTML.slice(0, 120))`);
}

/**
 * WCAG 2.x contrast of each matching element's text against the first opaque background behind it
 * (relative luminance per https://www.w3.org/TR/WCAG22/#dfn-relative-luminance). Returns the ones below `minimum`.
 */
export function lowContrast(page: Page, selectors: string[], minimum = 4.5): Promise<string[]> {
  return page.evaluate(
    `((selectors, minimum) => {
      const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
      const channel = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      const background = (el) => {
        for (let node = el; node; node = node.parentElement) {
          const c = rgb(getComputedStyle(node).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const failures = [];
      for (const selector of selectors) {
        for (const el of document.querySelectorAll(selector)) {
          const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < minimum) failures.push(selector + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
        }
      }
      return failures;
    })(${JSON.stringify(selectors)}, ${minimum})`,
  );
}
