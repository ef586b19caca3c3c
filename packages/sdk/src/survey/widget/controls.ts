import type { AnswerValue, Choice, Question } from '../types.js';
import { h } from './dom.js';
import type { UiLabels } from './labels.js';
import { isScaleQuestion, scalePoints } from './scale.js';

/** One question's inputs. Everything is a native input with a label, so keyboards and screen readers work. */
export interface Control {
  element: HTMLElement;
  read(): AnswerValue | undefined;
  /** The first input, to focus when the step opens or an answer is missing. */
  first(): HTMLElement | null;
  /** The error text itself is a role="alert" paragraph; this marks the inputs for assistive technology. */
  setInvalid(invalid: boolean): void;
}

const inputsOf = (root: HTMLElement) => Array.from(root.querySelectorAll('input, textarea'));

function checkedValues(root: HTMLElement, name: string): string[] {
  return Array.from(root.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`), (i) => i.value);
}

/** Native radios in one named group: arrow keys move and select within the group (HTML "radio button group"). */
function option(type: 'radio' | 'checkbox', name: string, choice: Choice): HTMLLabelElement {
  return h('label', { class: 'option' }, h('input', { type, name, value: choice.id }), choice.label);
}

function groupShell(question: Question, index: number, body: Node[]): HTMLFieldSetElement {
  const descriptionId = question.description ? `q${index}-desc` : undefined;
  return h(
    'fieldset',
    { 'aria-describedby': descriptionId },
    h('legend', { class: 'title' }, question.title),
    question.description && h('p', { class: 'desc', id: descriptionId }, question.description),
    ...body,
  );
}

function scaleBody(question: Question, name: string, labels: UiLabels): Node[] {
  if (!isScaleQuestion(question)) return [];
  const points = scalePoints(question, labels).map((point) =>
    h(
      'label',
      { class: point.spoken ? 'point symbol' : 'point' },
      h('input', { type: 'radio', name, value: String(point.value), 'aria-label': point.spoken }),
      h('span', { 'aria-hidden': point.spoken ? 'true' : undefined }, point.visible),
    ),
  );
  const ends =
    question.lowLabel || question.highLabel
      ? h(
          'div',
          { class: 'ends', 'aria-hidden': 'true' },
          h('span', {}, question.lowLabel ?? ''),
          h('span', {}, question.highLabel ?? ''),
        )
      : undefined;
  return [h('div', { class: 'scale' }, ...points), ...(ends ? [ends] : [])];
}

export function renderControl(question: Question, index: number, labels: UiLabels): Control {
  const name = `q${index}`;
  let element: HTMLElement;
  let read: () => AnswerValue | undefined;

  switch (question.type) {
    case 'text': {
      const textarea = h('textarea', { id: `${name}-text`, name, placeholder: question.placeholder });
      element = h('div', {}, h('label', { class: 'title', for: textarea.id }, question.title));
      if (question.description) {
        textarea.setAttribute('aria-describedby', `${name}-desc`);
        element.append(h('p', { class: 'desc', id: `${name}-desc` }, question.description));
      }
      element.append(textarea);
      read = () => textarea.value.trim() || undefined;
      break;
    }
    case 'single_choice':
    case 'multiple_choice': {
      const type = question.type === 'single_choice' ? 'radio' : 'checkbox';
      element = groupShell(
        question,
        index,
        question.choices.map((choice) => option(type, name, choice)),
      );
      read = () => {
        const values = checkedValues(element, name);
        if (type === 'checkbox') return values.length ? values : undefined;
        return values[0];
      };
      break;
    }
    case 'matrix': {
      const rows = question.rows.map((row, r) =>
        h(
          'fieldset',
          {},
          h('legend', {}, row.label),
          ...question.columns.map((column) => option('radio', `${name}-${r}`, column)),
        ),
      );
      element = groupShell(question, index, rows);
      read = () => {
        const answer: Record<string, string> = {};
        question.rows.forEach((row, r) => {
          const [column] = checkedValues(element, `${name}-${r}`);
          if (column !== undefined) answer[row.id] = column;
        });
        return Object.keys(answer).length ? answer : undefined;
      };
      break;
    }
    case 'consent': {
      const box = h('input', { type: 'checkbox', name });
      element = groupShell(question, index, [
        h('label', { class: 'option' }, box, question.label ?? question.title),
      ]);
      read = () => box.checked;
      break;
    }
    default: {
      element = groupShell(question, index, scaleBody(question, name, labels));
      read = () => {
        const [value] = checkedValues(element, name);
        return value === undefined ? undefined : Number(value);
      };
    }
  }

  return {
    element,
    read,
    first: () =>
      (element.querySelector('input:checked') ?? inputsOf(element)[0] ?? null) as HTMLElement | null,
    setInvalid(invalid) {
      for (const input of inputsOf(element)) {
        if (invalid) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    },
  };
}
