import type { Page } from 'playwright-core';
import type { EligibleSurvey, LogicRule, SurveyDefinition } from '../../../packages/sdk/src/survey/types.js';

/** A branching rule; `then` is the contract's key name, so the lint rule against thenables is waived here only. */
export function jump(questionId: string, op: LogicRule['if']['op'], value: number, goTo: string): LogicRule {
  // biome-ignore lint/suspicious/noThenProperty: the survey contract's key, never awaited
  return { if: { questionId, op, value }, then: { goTo } };
}

/** An NPS question that branches (detractors are asked why, promoters get a review link), then open text. */
export const npsDefinition: SurveyDefinition = {
  locale: 'en',
  questions: [
    {
      id: 'nps',
      type: 'nps',
      title: 'How likely are you to recommend our shop to a friend?',
      required: true,
      lowLabel: 'Not likely',
      highLabel: 'Very likely',
      logic: [jump('nps', 'lte', 6, 'why')],
    },
    {
      id: 'best',
      type: 'text',
      title: 'What did you like most?',
      required: false,
      // Passives and promoters skip the improvement question (a rule may test an earlier answer).
      logic: [jump('nps', 'gte', 7, 'end')],
    },
    { id: 'why', type: 'text', title: 'What should we improve?', required: false },
  ],
  end: { title: 'Thank you!', body: 'Your feedback helps us.' },
  thankYou: [
    {
      questionId: 'nps',
      range: [9, 10],
      title: 'Thanks, glad you like us!',
      link: { label: 'Leave a review', url: 'https://reviews.example/shop' },
    },
  ],
};

export function eligibleSurvey(overrides: Partial<EligibleSurvey> = {}): EligibleSurvey {
  return {
    id: 'srv_checkout',
    version: 1,
    definition: npsDefinition,
    trigger: { on: 'event', event: 'Checkout Completed' },
    display: { mode: 'modal' },
    ...overrides,
  };
}

/** The widget's host element is `<cairn-survey>`; Playwright's CSS locators pierce its open shadow root. */
export const widget = (page: Page) => page.locator('cairn-survey');

/** The focused element inside the widget's shadow root, described as `tag:type:value|text`. */
export function focusedInWidget(page: Page): Promise<string | null> {
  return inPage(
    page,
    `(() => {
      const host = document.querySelector('cairn-survey');
      if (!host || document.activeElement !== host) return null;
      const inner = host.shadowRoot && host.shadowRoot.activeElement;
      if (!inner) return null;
      return inner.tagName.toLowerCase() + ':' + (inner.type || '') + ':' + (inner.value || inner.textContent || '');
    })()`,
  );
}

/**
 * Evaluates browser code given as text. The e2e type check has no DOM library (it checks Node code), so code
 * that runs in the page is passed as a string rather than as a function typed against Node's globals.
 */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** The id of the page element that has focus (the widget's host when focus is inside the widget). */
export const activeElementId = (page: Page) =>
  inPage<string>(page, 'document.activeElement && document.activeElement.id');
