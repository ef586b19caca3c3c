import { useTranslation } from 'react-i18next';
import { canReadResponses } from '../access/permissions';
import { ErrorAlert } from '../components/error-alert';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { Link } from '../routing/router';
import { IdentityTable, ProfileFactList, TraitTable } from './profile-details';
import { displayName } from './profile-search';
import { ProfileTimeline } from './profile-timeline';
import { useProfile } from './profiles-api';
import './profiles.css';

/** The 360° view of one profile: facts, identities, traits and the one timeline across channels. */
export function ProfileScreen({ current, profileId }: { current: CurrentWorkspace; profileId: string }) {
  const { t } = useTranslation();
  const workspaceId = current.workspace.id;
  const profile = useProfile(workspaceId, profileId);
  const data = profile.data;
  return (
    <>
      <PageHeading>{data ? displayName(data) : t('profiles.title')}</PageHeading>
      <p>
        <Link to={{ name: 'profiles', workspaceId }}>{t('profiles.profile.back')}</Link>
      </p>
      <ErrorAlert error={profile.error} />
      {profile.isPending ? (
        <p role="status" className="status">
          {t('common.loading')}
        </p>
      ) : null}
      {data ? (
        <div className="profile-layout">
          <div className="profile-side">
            <ProfileFactList facts={data.facts} mergedCount={data.mergedProfileIds.length} />
            <IdentityTable identities={data.identities} />
            <TraitTable traits={data.traits} />
          </div>
          <div className="profile-main">
            {/* A merged id answers with the survivor: the timeline follows the surviving profile. */}
            <ProfileTimeline
              workspaceId={workspaceId}
              profileId={data.id}
              showAnswers={canReadResponses(current.role)}
            />
          </div>
        </div>
      ) : null}
    </>
  );
}
