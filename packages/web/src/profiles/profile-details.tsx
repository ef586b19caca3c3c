import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/date-time';
import { ChannelBadge, useChannelLabel } from '../responses/channel-badge';
import { valueText } from './profile-search';
import type { Identity, ProfileFacts, Traits } from './profiles-api';

/** Revenue in the currency of the orders; with several (or none) currencies a plain number, never a wrong sign. */
function formatRevenue(facts: ProfileFacts, language: string): string {
  const [currency] = facts.currencies;
  if (facts.currencies.length === 1 && currency && /^[A-Z]{3}$/.test(currency))
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(facts.revenue);
  const amount = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(facts.revenue);
  return facts.currencies.length > 1 ? `${amount} (${facts.currencies.join(', ')})` : amount;
}

/** The computed facts of the 360° view; every figure comes from the server (profiles API). */
export function ProfileFactList({ facts, mergedCount }: { facts: ProfileFacts; mergedCount: number }) {
  const { t, i18n } = useTranslation();
  const channelLabel = useChannelLabel();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section aria-labelledby="profile-facts">
      <h2 id="profile-facts">{t('profiles.profile.facts')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('profiles.profile.firstSeen')}</dt>
          <dd>{formatDateTime(facts.firstSeen, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('profiles.profile.lastSeen')}</dt>
          <dd>{formatDateTime(facts.lastSeen, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('profiles.profile.events')}</dt>
          <dd>{number.format(facts.eventCount)}</dd>
        </div>
        <div>
          <dt>{t('profiles.profile.orders')}</dt>
          <dd>{number.format(facts.orders)}</dd>
        </div>
        <div>
          <dt>{t('profiles.profile.revenue')}</dt>
          <dd>{formatRevenue(facts, i18n.language)}</dd>
        </div>
        {mergedCount > 0 ? (
          <div>
            <dt>{t('profiles.profile.merged')}</dt>
            <dd>{number.format(mergedCount)}</dd>
          </div>
        ) : null}
      </dl>
      <h3>{t('profiles.profile.channels')}</h3>
      <ul className="channel-counts">
        {facts.channels.map(({ channel, events }) => (
          <li key={channel}>
            <ChannelBadge channel={channel} />{' '}
            <span className="visually-hidden">
              {t('profiles.profile.channelEvents', { channel: channelLabel(channel), count: events })}
            </span>
            <span aria-hidden="true">{number.format(events)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const knownKinds = ['user_id', 'anonymous_id', 'email', 'phone'] as const;

export function IdentityTable({ identities }: { identities: Identity[] }) {
  const { t, i18n } = useTranslation();
  const kindLabel = (kind: string) => {
    const known = knownKinds.find((k) => k === kind);
    return known ? t(`profiles.profile.kinds.${known}`) : kind;
  };
  return (
    <section aria-labelledby="profile-identities">
      <h2 id="profile-identities">{t('profiles.profile.identities')}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('profiles.profile.identitiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profiles.profile.kind')}</th>
              <th scope="col">{t('profiles.profile.value')}</th>
              <th scope="col">{t('profiles.profile.since')}</th>
            </tr>
          </thead>
          <tbody>
            {identities.map((identity) => (
              <tr key={`${identity.kind}:${identity.value}`}>
                <th scope="row">{kindLabel(identity.kind)}</th>
                <td className="profile-value">{identity.value}</td>
                <td>{formatDateTime(identity.createdAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Current traits (last write wins by event time, per the API); the API keeps no history of earlier values. */
export function TraitTable({ traits }: { traits: Traits }) {
  const { t, i18n } = useTranslation();
  const names = Object.keys(traits).sort();
  return (
    <section aria-labelledby="profile-traits">
      <h2 id="profile-traits">{t('profiles.profile.traits')}</h2>
      {names.length === 0 ? (
        <p className="empty">{t('profiles.profile.noTraits')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('profiles.profile.traitsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profiles.profile.trait')}</th>
                <th scope="col">{t('profiles.profile.value')}</th>
                <th scope="col">{t('profiles.profile.observed')}</th>
              </tr>
            </thead>
            <tbody>
              {names.map((name) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td className="profile-value">{valueText(traits[name]?.value)}</td>
                  <td>{formatDateTime(traits[name]?.observedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
