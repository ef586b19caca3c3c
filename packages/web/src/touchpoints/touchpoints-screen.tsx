import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageTouchpoints } from '../access/permissions';
import { ErrorAlert } from '../components/error-alert';
import { SelectField } from '../components/field';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { setSearch, useSearchParams } from '../routing/router';
import { TouchpointForm } from './touchpoint-form';
import { TouchpointTable } from './touchpoint-table';
import {
  type CoverageWindow,
  coverageWindows,
  useTouchpointCoverage,
  useTouchpoints,
} from './touchpoints-api';
import './touchpoints.css';

/** null: no form open; 'new': the create form; otherwise the id of the touchpoint being edited. */
type Editing = null | 'new' | string;

const isWindow = (value: string | null): value is CoverageWindow =>
  (coverageWindows as readonly (string | null)[]).includes(value);

/** The touchpoint registry with coverage (instrumented? measured?) and KPIs, and its editor for analysts and up. */
export function TouchpointsScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const workspaceId = current.workspace.id;
  const canManage = canManageTouchpoints(current.role);
  const params = useSearchParams();
  const requested = params.get('last');
  const last: CoverageWindow = isWindow(requested) ? requested : '30d';
  const touchpoints = useTouchpoints(workspaceId);
  const coverage = useTouchpointCoverage(workspaceId, last);
  const [editing, setEditing] = useState<Editing>(null);

  const chooseWindow = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('last', value);
    setSearch(next);
  };
  const edited = touchpoints.data?.find((touchpoint) => touchpoint.id === editing) ?? null;

  return (
    <>
      <PageHeading>{t('touchpoints.title')}</PageHeading>
      <p className="lead">{t('touchpoints.intro')}</p>
      <div className="touchpoints-toolbar">
        <SelectField
          label={t('touchpoints.window')}
          value={last}
          onChange={(event) => chooseWindow(event.target.value)}
        >
          {coverageWindows.map((window) => (
            <option key={window} value={window}>
              {t(`touchpoints.windows.${window}`)}
            </option>
          ))}
        </SelectField>
        {canManage && editing === null ? (
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            {t('touchpoints.create')}
          </button>
        ) : null}
      </div>
      {canManage && editing !== null && (editing === 'new' || edited) ? (
        <TouchpointForm
          key={editing}
          workspaceId={workspaceId}
          touchpoint={edited}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <ErrorAlert error={touchpoints.error ?? coverage.error} />
      {touchpoints.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : touchpoints.data ? (
        <TouchpointTable
          workspaceId={workspaceId}
          touchpoints={touchpoints.data}
          coverage={coverage.data ?? []}
          canManage={canManage}
          onEdit={setEditing}
        />
      ) : null}
    </>
  );
}
