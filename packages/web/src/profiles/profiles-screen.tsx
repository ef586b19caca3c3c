import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { readForm, SelectField, TextField } from '../components/field';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../format/date-time';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { Link, setSearch, useSearch } from '../routing/router';
import {
  displayName,
  parseProfileSearch,
  type SearchMode,
  searchModes,
  serialiseProfileSearch,
} from './profile-search';
import { type Identity, useProfileSearch } from './profiles-api';
import './profiles.css';

function IdentityList({ identities }: { identities: Identity[] }) {
  return (
    <ul className="identity-list">
      {identities.map((identity) => (
        <li key={`${identity.kind}:${identity.value}`}>
          <span className="identity-kind">{identity.kind}</span> {identity.value}
        </li>
      ))}
    </ul>
  );
}

/** Search by any identifier (lookup) or by text and traits (search); the search lives in the address. */
export function ProfilesScreen({ current }: { current: CurrentWorkspace }) {
  const { t, i18n } = useTranslation();
  const workspaceId = current.workspace.id;
  const urlSearch = useSearch();
  const search = parseProfileSearch(urlSearch);
  const params = new URLSearchParams(urlSearch);
  // Only which fields the form shows follows the chosen mode; the search itself is read from the URL.
  const [mode, setMode] = useState<SearchMode>(search?.by ?? 'text');
  const results = useProfileSearch(workspaceId, search);
  const profiles = results.data?.pages.flatMap((page) => page.items) ?? [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = readForm(event.currentTarget, ['by', 'q', 'type']);
    const by = searchModes.find((m) => m === v.by) ?? 'text';
    setSearch(serialiseProfileSearch({ by, q: v.q, externalType: v.type }), { push: true });
  };

  return (
    <>
      <PageHeading>{t('profiles.title')}</PageHeading>
      <p className="lead">{t('profiles.intro')}</p>
      <section className="panel" aria-labelledby="profile-search">
        <h2 id="profile-search">{t('profiles.search.title')}</h2>
        <form className="form form-inline" onSubmit={submit} key={urlSearch}>
          <SelectField
            label={t('profiles.search.by')}
            name="by"
            value={mode}
            onChange={(event) => setMode(searchModes.find((m) => m === event.target.value) ?? 'text')}
          >
            {searchModes.map((m) => (
              <option key={m} value={m}>
                {t(`profiles.search.modes.${m}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('profiles.search.query')}
            hint={mode === 'trait' ? t('profiles.search.traitHint') : undefined}
            name="q"
            type="search"
            required
            maxLength={mode === 'text' ? 200 : 500}
            defaultValue={params.get('q') ?? ''}
          />
          {mode === 'external' ? (
            <TextField
              label={t('profiles.search.externalType')}
              hint={t('profiles.search.externalTypeHint')}
              name="type"
              required
              pattern="[\w.\-]{1,64}"
              defaultValue={params.get('type') ?? ''}
            />
          ) : null}
          <button type="submit" className="button button-primary">
            {t('profiles.search.submit')}
          </button>
        </form>
      </section>
      <ErrorAlert error={results.error} />
      <p role="status" className="status">
        {results.isFetching && !results.isFetchingNextPage
          ? t('common.loading')
          : results.data
            ? t('profiles.results.count', { count: profiles.length })
            : ''}
      </p>
      {!search ? <p className="empty">{t('profiles.results.prompt')}</p> : null}
      {results.data && profiles.length === 0 ? <p className="empty">{t('profiles.results.none')}</p> : null}
      {profiles.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('profiles.results.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profiles.results.name')}</th>
                <th scope="col">{t('profiles.results.identities')}</th>
                <th scope="col">{t('profiles.results.created')}</th>
              </tr>
            </thead>
            <tbody>
              {profiles.map((profile) => (
                <tr key={profile.id}>
                  <th scope="row">
                    <Link to={{ name: 'profile', workspaceId, profileId: profile.id }}>
                      {displayName(profile)}
                    </Link>
                  </th>
                  <td>
                    <IdentityList identities={profile.identities} />
                  </td>
                  <td>{formatDateTime(profile.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {results.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={results.isFetchingNextPage}
          onClick={() => void results.fetchNextPage()}
        >
          {t('profiles.results.loadMore')}
        </button>
      ) : null}
    </>
  );
}
