import type { SurveyTrigger } from './types.js';

export type Disarm = () => void;

/** Scrolled share of the page, in percent, counting the visible part (100 when it all fits on screen). */
function scrolledPercent(): number {
  const total = document.documentElement.scrollHeight;
  return total <= 0 ? 100 : ((window.scrollY + window.innerHeight) / total) * 100;
}

/** The trigger's moment, from either spelling (`on`, or the server's `exitIntent` / `scrollDepthPercent` flags). */
export function triggerMoment(trigger: SurveyTrigger): NonNullable<SurveyTrigger['on']> {
  if (trigger.on) return trigger.on;
  if (trigger.exitIntent) return 'exit_intent';
  return trigger.scrollDepthPercent === undefined ? 'pageview' : 'scroll';
}

/**
 * Waits for the moment a trigger names, then for its delay, then calls `fire` once.
 * - `exit_intent`: the pointer leaves through the top edge (towards tabs and the address bar); only with a fine
 *   pointer, because touch devices have no such gesture;
 * - `scroll`: the visitor has seen `scrollPercent` of the page;
 * - `event` / `pageview`: at once (the caller asked because the event or page view just happened).
 */
export function armTrigger(trigger: SurveyTrigger, fire: () => void): Disarm {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let removeListener: Disarm = () => {};
  const afterDelay = () => {
    removeListener();
    timer = setTimeout(fire, Math.max(0, trigger.delayMs ?? 0));
  };
  const listen = <K extends keyof DocumentEventMap>(
    target: Document | Window,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
  ) => {
    const listener = handler as EventListener;
    target.addEventListener(type, listener, { passive: true });
    removeListener = () => target.removeEventListener(type, listener);
  };

  const moment = triggerMoment(trigger);
  if (moment === 'exit_intent') {
    if (!matchMedia('(pointer: fine)').matches) return () => {};
    listen(document, 'mouseout', (event) => {
      if (!event.relatedTarget && event.clientY <= 0) afterDelay();
    });
  } else if (moment === 'scroll') {
    const threshold = Math.min(100, Math.max(0, trigger.scrollPercent ?? trigger.scrollDepthPercent ?? 50));
    const check = () => {
      if (scrolledPercent() >= threshold) afterDelay();
    };
    listen(window, 'scroll', check);
    check();
  } else {
    afterDelay();
  }
  return () => {
    removeListener();
    clearTimeout(timer);
  };
}
