import type { ShowSurveyOptions } from '../extra.js';
import { SurveyWidget } from './survey-widget.js';

let current: SurveyWidget | undefined;

/** Shows one survey at a time; `nonce` is the SDK script's CSP nonce, for browsers that need a <style> element. */
export function showSurvey(options: ShowSurveyOptions, nonce?: string): void {
  if (current) return;
  const widget = new SurveyWidget(
    {
      ...options,
      onClose: () => {
        current = undefined;
        options.onClose?.();
      },
    },
    nonce,
  );
  current = widget;
  widget.open();
}
