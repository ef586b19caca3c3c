import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../components/field';
import { languageNames, languages } from '../i18n/language';
import { timeZoneOptions } from './time-zones';

interface WorkspaceFieldsProps {
  name?: string;
  timeZone: string;
  defaultLocale: string;
}

/** Name, time zone and default language: shared by "new workspace" and the workspace settings. */
export function WorkspaceFields({ name, timeZone, defaultLocale }: WorkspaceFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('workspace.name')} name="name" defaultValue={name} required maxLength={200} />
      <SelectField
        label={t('workspace.timeZone')}
        hint={t('workspace.timeZoneHint')}
        name="timeZone"
        defaultValue={timeZone}
      >
        {timeZoneOptions(timeZone).map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('workspace.defaultLocale')}
        hint={t('workspace.defaultLocaleHint')}
        name="defaultLocale"
        defaultValue={defaultLocale}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </SelectField>
    </>
  );
}
