/**
 * Calls `callback` when the page may be about to disappear. `visibilitychange` to hidden is the last event that
 * fires reliably (mobile tab switch, app kill); `pagehide` covers navigations where it does not (older Safari).
 * `unload`/`beforeunload` are avoided: they are unreliable and block the back/forward cache
 * (https://developer.chrome.com/docs/web-platform/page-lifecycle-api#the_unload_event).
 * The callback must be idempotent: both events usually fire on one navigation.
 */
export function onPageHide(callback: () => void): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') callback();
  });
  window.addEventListener('pagehide', callback);
}
