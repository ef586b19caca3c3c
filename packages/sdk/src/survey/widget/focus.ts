const focusableSelector =
  'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** The element focused inside `root`'s shadow tree (document.activeElement only sees the host). */
export const focusedIn = (root: ShadowRoot): Element | null => root.activeElement;

/**
 * Keeps Tab and Shift+Tab inside a modal dialog (WAI-ARIA APG "Dialog (Modal)" pattern): from the last control
 * Tab wraps to the first and back. Radio groups are one tab stop, so the ends are the close button and the
 * step's action button or link, which the layout always puts first and last.
 */
export function trapTab(event: KeyboardEvent, panel: HTMLElement, root: ShadowRoot): void {
  if (event.key !== 'Tab') return;
  const focusable = Array.from(panel.querySelectorAll<HTMLElement>(focusableSelector));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const current = focusedIn(root);
  if (event.shiftKey && (current === first || current === panel)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && current === last) {
    event.preventDefault();
    first.focus();
  }
}
