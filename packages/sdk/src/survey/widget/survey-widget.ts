import type { ShowSurveyOptions } from '../extra.js';
import {
  type Answers,
  endScreen,
  isAnswered,
  nextDestination,
  safeHttpUrl,
  satisfiesRequired,
} from '../flow.js';
import { presentation } from '../normalise.js';
import { createResponseSender, type ResponseSender } from '../responses.js';
import type { Answer, AnswerValue, Screen, SurveyDefinition, ThankYouScreen } from '../types.js';
import { renderControl } from './controls.js';
import { h } from './dom.js';
import { focusedIn, trapTab } from './focus.js';
import { fillIn, type UiLabels, uiLabels } from './labels.js';
import { applyStyles } from './styles.js';

/**
 * The in-page survey. Rendered in an open shadow root so the page's CSS and the widget's cannot touch each other.
 * - modal: role="dialog" + aria-modal, focus moves in, Tab is trapped, focus returns to where it was on close;
 * - slide_in: a non-modal complementary region that does not steal focus;
 * - a polite live region announces the survey and the progress; Escape closes without recording anything more.
 */
export class SurveyWidget {
  private readonly host = document.createElement('cairn-survey');
  private readonly root = this.host.attachShadow({ mode: 'open' });
  private readonly panel: HTMLElement;
  private readonly content = h('div', { class: 'content' });
  private readonly live = h('div', { class: 'sr', role: 'status', 'aria-live': 'polite' });
  private readonly labels: UiLabels;
  private readonly definition: SurveyDefinition;
  private readonly sender: ResponseSender;
  private readonly modal: boolean;
  private readonly answers = new Map<string, AnswerValue>();
  private readonly timeSpent = new Map<string, number>();
  private readonly returnFocusTo: Element | null = document.activeElement;
  private readonly keepFocusInside = (event: FocusEvent) => {
    if (event.target !== this.host) this.focusStart();
  };

  constructor(
    private readonly options: ShowSurveyOptions,
    nonce: string | undefined,
  ) {
    const { survey } = options;
    this.definition = survey.definition;
    this.labels = uiLabels(options.locale, this.definition);
    const shown = presentation(survey);
    this.modal = shown.modal;
    this.sender = createResponseSender(options);
    const side = shown.left ? ' left' : '';
    const close = h('button', { type: 'button', class: 'close', 'aria-label': this.labels.close }, '×');
    close.addEventListener('click', () => this.close());
    this.panel = h(
      'div',
      this.modal
        ? {
            class: 'panel modal',
            role: 'dialog',
            'aria-modal': 'true',
            'aria-label': this.labels.survey,
            tabindex: '-1',
          }
        : { class: `panel slide-in${side}`, role: 'complementary', 'aria-label': this.labels.survey },
      close,
      this.content,
    );
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close();
      } else if (this.modal) trapTab(event, this.panel, this.root);
    });
    applyStyles(this.root, nonce);
    const container = h('div', { class: 'root', lang: options.locale }, this.live);
    if (this.modal) container.append(h('div', { class: 'backdrop' }));
    container.append(this.panel);
    this.root.append(container);
  }

  open(): void {
    document.body.append(this.host);
    const { welcome } = this.definition;
    if (welcome)
      this.showScreen(welcome, welcome.buttonLabel || this.labels.start, () => this.showQuestion(0));
    else this.showQuestion(0);
    if (this.modal) {
      document.addEventListener('focusin', this.keepFocusInside);
      this.focusStart();
    }
    // A live region announces changes, not its initial content, so the text is set after it is in the page.
    setTimeout(
      () => this.announce(this.definition.welcome?.title ?? this.definition.questions[0]?.title ?? ''),
      100,
    );
    this.sender.shown();
  }

  close(): void {
    document.removeEventListener('focusin', this.keepFocusInside);
    this.host.remove();
    if (this.returnFocusTo instanceof HTMLElement && this.returnFocusTo.isConnected)
      this.returnFocusTo.focus();
    this.options.onClose?.();
  }

  private announce(text: string): void {
    this.live.textContent = text;
  }

  /** Moves focus into the new step when focus is already in the widget (always so for a modal). */
  private focusStep(target: HTMLElement | null): void {
    if (this.modal || focusedIn(this.root)) (target ?? this.panel).focus();
  }

  private focusStart(): void {
    (
      this.content.querySelector<HTMLElement>('input:checked, input, textarea, button, a') ?? this.panel
    ).focus();
  }

  private showScreen(
    screen: Screen,
    action: string,
    onAction: () => void,
    link?: { label: string; url: string },
  ) {
    const heading = h('h2', { tabindex: '-1' }, screen.title);
    const button = h('button', { type: 'button', class: 'primary' }, action);
    button.addEventListener('click', onAction);
    const href = link && safeHttpUrl(link.url);
    this.content.replaceChildren(heading);
    if (screen.body) this.content.append(h('p', {}, screen.body));
    if (href && link) {
      const anchor = h(
        'a',
        { class: 'link', href, target: '_blank', rel: 'noopener noreferrer' },
        link.label,
      );
      this.content.append(h('p', {}, anchor));
    }
    this.content.append(h('div', { class: 'actions' }, button));
    this.focusStep(heading);
  }

  private showQuestion(index: number): void {
    const question = this.definition.questions[index];
    if (!question) {
      this.finish();
      return;
    }
    const total = this.definition.questions.length;
    const progress = fillIn(this.labels.progress, { n: index + 1, total });
    const control = renderControl(question, index, this.labels);
    const error = h('p', { class: 'error', id: `q${index}-error`, role: 'alert' });
    const isLast = index === total - 1;
    const form = h(
      'form',
      { novalidate: '' },
      h('p', { class: 'progress' }, progress),
      control.element,
      error,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, isLast ? this.labels.submit : this.labels.next),
      ),
    );
    const startedAt = Date.now();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = control.read();
      if (!satisfiesRequired(question, value)) {
        error.textContent = this.labels.required;
        control.setInvalid(true);
        control.first()?.focus();
        return;
      }
      this.timeSpent.set(question.id, (this.timeSpent.get(question.id) ?? 0) + Date.now() - startedAt);
      const answered = isAnswered(question, value);
      if (answered) this.answers.set(question.id, value);
      else this.answers.delete(question.id);
      const next = nextDestination(this.definition, index, this.answers as Answers);
      if (answered || next.kind === 'end') this.sender.answers(this.answerList(), next.kind === 'end');
      if (next.kind === 'end') this.finish();
      else this.showQuestion(next.index);
    });
    this.content.replaceChildren(form);
    if (index > 0) this.announce(`${progress}: ${question.title}`);
    this.focusStep(control.first());
  }

  private answerList(): Answer[] {
    return Array.from(this.answers, ([questionId, value]) => ({
      questionId,
      value,
      timeSpentMs: this.timeSpent.get(questionId) ?? 0,
    }));
  }

  private finish(): void {
    const screen = endScreen(this.definition, this.answers) ?? { title: this.labels.thanks };
    const { link } = screen as ThankYouScreen;
    this.showScreen(screen, screen.buttonLabel || this.labels.close, () => this.close(), link);
    this.announce(screen.title);
  }
}
