import type { EligibleSurvey } from './types.js';

/** How the widget shows a survey, whichever spelling the server used (see types.ts). */
export interface Presentation {
  modal: boolean;
  left: boolean;
  locale: string | undefined;
}

export function presentation(survey: EligibleSurvey): Presentation {
  const { mode, modal, position } = survey.display;
  return {
    // Without an explicit mode: a centred survey blocks the page, one in a corner does not.
    modal: mode ? mode !== 'slide_in' : (modal ?? (position === undefined || position === 'center')),
    left: position === 'bottom_left' || position === 'bottom-left',
    locale: survey.definition.locale ?? survey.definition.language,
  };
}
