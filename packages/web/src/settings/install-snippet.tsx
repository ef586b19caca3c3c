import { useTranslation } from 'react-i18next';
import { CopyButton } from '../components/copy-button';
import { installSnippets } from './install-snippets';

function SnippetBlock({ title, code }: { title: string; code: string }) {
  const { t } = useTranslation();
  return (
    <figure className="snippet">
      <figcaption>{title}</figcaption>
      <pre>
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label={t('snippet.copy')} />
    </figure>
  );
}

/** How to send events with this key, for the host the dashboard itself is served from. */
export function InstallSnippet({ writeKey }: { writeKey: string }) {
  const { t } = useTranslation();
  const { sdk, http } = installSnippets(window.location.origin, writeKey);
  return (
    <div className="snippets">
      <SnippetBlock title={t('snippet.sdkTitle')} code={sdk} />
      <SnippetBlock title={t('snippet.httpTitle')} code={http} />
    </div>
  );
}
