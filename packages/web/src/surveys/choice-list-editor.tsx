import { useTranslation } from 'react-i18next';
import { LocalizedField } from './localized-field';
import { freshId, move, type Problem, removeAt, replaceAt } from './survey-draft';
import type { Choice } from './survey-types';

interface ChoiceListEditorProps {
  /** e.g. "Question 2: choice"; items are named "<label> 1", "<label> 2"… */
  label: string;
  choices: Choice[];
  onChange: (choices: Choice[]) => void;
  idPrefix: string;
  minimum: number;
  path: string;
  problems: readonly Problem[];
}

/** Options of a choice question (or rows/columns of a matrix): labels in both languages, ordered, added, removed. */
export function ChoiceListEditor({
  label,
  choices,
  onChange,
  idPrefix,
  minimum,
  path,
  problems,
}: ChoiceListEditorProps) {
  const { t } = useTranslation();
  return (
    <div className="choice-list">
      <ol>
        {choices.map((choice, index) => {
          const name = `${label} ${index + 1}`;
          return (
            <li key={choice.id}>
              <LocalizedField
                label={name}
                value={choice.label}
                onChange={(text) => onChange(replaceAt(choices, index, { ...choice, label: text }))}
                path={`${path}/${index}/label`}
                problems={problems}
              />
              <span className="item-actions">
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('surveys.builder.moveUpNamed', { name })}
                  disabled={index === 0}
                  onClick={() => onChange(move(choices, index, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('surveys.builder.moveDownNamed', { name })}
                  disabled={index === choices.length - 1}
                  onClick={() => onChange(move(choices, index, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('surveys.builder.removeNamed', { name })}
                  disabled={choices.length <= minimum}
                  onClick={() => onChange(removeAt(choices, index))}
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          onChange([
            ...choices,
            {
              id: freshId(
                idPrefix,
                choices.map((c) => c.id),
              ),
              label: { en: '', de: '' },
            },
          ])
        }
      >
        {t('surveys.builder.addItem', { name: label })}
      </button>
    </div>
  );
}
