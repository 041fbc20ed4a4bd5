import { useTranslation } from 'react-i18next'
import type { ServiceFigures, ServiceStats } from '@shared/domain/counter/serviceStats'

/** 成交转化率 as a percentage with one decimal, or "—" when no consultation has an outcome. */
export function useRateText(): (rate: number | null) => string {
  const { t } = useTranslation()
  return (rate) => (rate === null ? t('counter.stats.noRate') : `${(rate * 100).toFixed(1)}%`)
}

/** The 服务统计表 as a plain table: the same markup on screen and on A4. */
export function StatsTable({
  stats,
  names,
  rangeKey
}: {
  stats: ServiceStats
  names: ReadonlyMap<string, string>
  /** the period these figures are of (data-range), so a reader can tell a stale table from a new one */
  rangeKey?: string
}) {
  const { t } = useTranslation()
  const rate = useRateText()
  const line = (f: ServiceFigures, label: string) => (
    <tr key={label}>
      <td>{label}</td>
      <td className="num">{f.served}</td>
      <td className="num">{f.consultations}</td>
      <td className="num">{f.withOutcome}</td>
      <td className="num">{f.converted}</td>
      <td className="num">{rate(f.rate)}</td>
    </tr>
  )
  return (
    <table className="counter-stats" data-testid="service-stats" data-range={rangeKey}>
      <thead>
        <tr>
          <th>{t('counter.staffNo')}</th>
          <th>{t('counter.stats.customersServed')}</th>
          <th>{t('counter.stats.consultations')}</th>
          <th>{t('counter.stats.withOutcome')}</th>
          <th>{t('counter.stats.converted')}</th>
          <th>{t('counter.stats.conversionRate')}</th>
        </tr>
      </thead>
      <tbody>
        {stats.rows.map((r) =>
          line(r, names.has(r.staffNo) ? `${r.staffNo} ${names.get(r.staffNo)}` : r.staffNo)
        )}
        {line(stats.total, t('counter.stats.total'))}
      </tbody>
    </table>
  )
}
