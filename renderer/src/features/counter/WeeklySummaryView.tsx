import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { PROBLEM_KINDS, PROBLEM_STATUSES } from '@shared/domain/counter/problem'
import type { WeeklySummary } from '@shared/domain/counter/weeklySummary'
import { formatYuan } from '@shared/domain/money'
import { StatsTable } from './StatsTable'

/** 每周汇总 as plain tables: the same on screen and on A4. */
export function WeeklySummaryView({
  summary,
  names
}: {
  summary: WeeklySummary
  names: ReadonlyMap<string, string>
}) {
  const { t } = useTranslation()
  const who = (no: string) => (names.has(no) ? `${no} ${names.get(no)}` : no)
  const kind = (k: string) => t(`counter.problem.kindOption.${k}`)
  const none = <p>{t('counter.weekly.none')}</p>
  return (
    <div data-testid="weekly-summary" data-range={summary.range.start}>
      <p>{t('counter.weekly.logged', { count: summary.logged })}</p>
      <div className="counter-section">{t('counter.weekly.byKindStatus')}</div>
      <table className="counter-stats plain">
        <thead>
          <tr>
            <th>{t('counter.problem.kind')}</th>
            {PROBLEM_STATUSES.map((s) => (
              <th key={s}>{t(`counter.problem.statusOption.${s}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PROBLEM_KINDS.map((k) => (
            <tr key={k}>
              <td>{kind(k)}</td>
              {PROBLEM_STATUSES.map((s) => (
                <td key={s} className="num">
                  {summary.byKindStatus[k][s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="counter-section">{t('counter.weekly.byClerk')}</div>
      {summary.byClerk.length === 0 ? (
        none
      ) : (
        <table className="counter-stats plain">
          <thead>
            <tr>
              <th>{t('counter.problem.loggedBy')}</th>
              {PROBLEM_KINDS.map((k) => (
                <th key={k}>{kind(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.byClerk.map((c) => (
              <tr key={c.staffNo}>
                <td>{who(c.staffNo)}</td>
                {PROBLEM_KINDS.map((k) => (
                  <td key={k} className="num">
                    {c.byKind[k]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="counter-section">{t('counter.weekly.adopted')}</div>
      {summary.adoptedSuggestions.length === 0 ? (
        none
      ) : (
        <ul>
          {summary.adoptedSuggestions.map((p) => (
            <li key={p.id}>{t('pattern.labelValue', { label: who(p.staffNo), value: p.description })}</li>
          ))}
        </ul>
      )}
      <div className="counter-section">{t('counter.weekly.rewards')}</div>
      {summary.rewards.length === 0 ? (
        none
      ) : (
        <table className="counter-stats" data-testid="weekly-rewards">
          <tbody>
            {summary.rewards.map((r) => (
              <tr key={r.staffNo}>
                <td>{who(r.staffNo)}</td>
                <td className="num">{t('counter.problem.rewardValue', { amount: formatYuan(r.amount) })}</td>
              </tr>
            ))}
            <tr>
              <td>{t('counter.weekly.rewardTotal')}</td>
              <td className="num">
                {t('counter.problem.rewardValue', { amount: formatYuan(summary.rewardTotal) })}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      <div className="counter-section">{t('counter.weekly.stale')}</div>
      {summary.staleOpen.length === 0 ? (
        none
      ) : (
        <ul>
          {summary.staleOpen.map((p) => (
            <li key={p.id}>
              {t('pattern.labelValue', {
                label: `${dayjs(p.createdAt).format('YYYY-MM-DD')} ${kind(p.kind)} ${who(p.staffNo)}`,
                value: p.description
              })}
            </li>
          ))}
        </ul>
      )}
      <div className="counter-section">{t('counter.weekly.service')}</div>
      <StatsTable stats={summary.service} names={names} />
    </div>
  )
}
