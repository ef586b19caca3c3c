import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorAlert } from '../components/error-alert';
import { formatDateTime } from '../format/date-time';
import { channelLabel } from './channel-label';
import { describeRule, formatScore } from './touchpoint-format';
import { type CoverageItem, type Touchpoint, useDeleteTouchpoint } from './touchpoints-api';

interface TouchpointTableProps {
  workspaceId: string;
  touchpoints: Touchpoint[];
  coverage: CoverageItem[];
  canManage: boolean;
  onEdit: (id: string) => void;
}

export function TouchpointTable({
  workspaceId,
  touchpoints,
  coverage,
  canManage,
  onEdit,
}: TouchpointTableProps) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteTouchpoint(workspaceId);
  const coverageOf = new Map(coverage.map((item) => [item.id, item]));
  const language = i18n.language;

  if (touchpoints.length === 0) return <p className="empty">{t('touchpoints.empty')}</p>;
  return (
    <>
      <ErrorAlert error={remove.error} />
      <div className="table-wrap">
        <table className="touchpoint-table">
          <caption className="visually-hidden">{t('touchpoints.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('touchpoints.fields.name')}</th>
              <th scope="col">{t('touchpoints.fields.channel')}</th>
              <th scope="col">{t('touchpoints.fields.stage')}</th>
              <th scope="col">{t('touchpoints.fields.ownerTeam')}</th>
              <th scope="col">{t('touchpoints.columns.rules')}</th>
              <th scope="col">{t('touchpoints.columns.events')}</th>
              <th scope="col">{t('touchpoints.columns.lastSeen')}</th>
              <th scope="col">{t('touchpoints.columns.measured')}</th>
              <th scope="col">{t('touchpoints.columns.nps')}</th>
              <th scope="col">{t('touchpoints.columns.csat')}</th>
              <th scope="col">{t('touchpoints.columns.ces')}</th>
              {canManage ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {touchpoints.map((touchpoint) => {
              const item = coverageOf.get(touchpoint.id);
              return (
                <tr key={touchpoint.id}>
                  <th scope="row">{touchpoint.name}</th>
                  <td>{channelLabel(t, touchpoint.channel)}</td>
                  <td>{touchpoint.stage ?? '–'}</td>
                  <td>{touchpoint.ownerTeam ?? '–'}</td>
                  <td>
                    <ul className="touchpoint-rules">
                      {touchpoint.rules.map((rule, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: rules are positional and have no id
                        <li key={index}>{describeRule(rule)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {item ? item.events.toLocaleString(language) : '…'}
                    {item && !item.instrumented ? (
                      <span className="flag flag-warning">{t('touchpoints.flags.uninstrumented')}</span>
                    ) : null}
                  </td>
                  <td>{formatDateTime(item?.lastSeen, language)}</td>
                  <td>
                    {item ? (
                      item.measured ? (
                        t('touchpoints.flags.measured', { count: item.responses })
                      ) : (
                        <span className="flag flag-warning">{t('touchpoints.flags.unmeasured')}</span>
                      )
                    ) : (
                      '…'
                    )}
                  </td>
                  <td>{formatScore(item?.kpis.nps, language, 0)}</td>
                  <td>{formatScore(item?.kpis.csat, language, 0, '%')}</td>
                  <td>{formatScore(item?.kpis.ces, language, 1)}</td>
                  {canManage ? (
                    <td>
                      <span className="actions">
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-label={t('touchpoints.editNamed', { name: touchpoint.name })}
                          onClick={() => onEdit(touchpoint.id)}
                        >
                          {t('touchpoints.edit')}
                        </button>
                        <ConfirmButton
                          label={t('touchpoints.delete')}
                          accessibleLabel={t('touchpoints.deleteNamed', { name: touchpoint.name })}
                          question={t('touchpoints.deleteQuestion', { name: touchpoint.name })}
                          onConfirm={() => remove.mutate(touchpoint.id)}
                          pending={remove.isPending}
                        />
                      </span>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
