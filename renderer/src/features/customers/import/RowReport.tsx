import { useMemo, useRef, useState } from 'react'
import { Empty, Segmented, Tag, Typography } from 'antd'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import type { PreviewRow, RowStatus } from '@shared/import'
import { importMessageText } from './importText'

const STATUS_COLOR: Record<RowStatus, string> = { new: 'green', update: 'blue', skip: 'red' }
const SEVERITY_COLOR = { error: '#cf1322', warning: '#d46b08', info: '#595959' } as const

type Filter = 'problems' | 'all'

/** 逐行检查结果: the rows with something to say, each with its spreadsheet row number, fate and the
 *  sentences of the report. Virtualised: a 50 000-row file can have thousands of them. */
export function RowReport({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<Filter>('problems')
  const noted = useMemo(() => rows.filter((r) => r.findings.length > 0), [rows])
  const skipped = useMemo(() => noted.filter((r) => r.status === 'skip'), [noted])
  const shown = filter === 'problems' ? skipped : noted
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- not memoised on purpose: the list re-renders with the virtualizer
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 52,
    overscan: 8
  })

  return (
    <div data-testid="import-report">
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        options={[
          {
            value: 'problems',
            label: t('pattern.counted', { title: t('customerImport.report.problems'), count: skipped.length })
          },
          {
            value: 'all',
            label: t('pattern.counted', { title: t('customerImport.report.all'), count: noted.length })
          }
        ]}
        style={{ marginBottom: 8 }}
      />
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customerImport.report.none')} />
      ) : (
        <div
          ref={scroller}
          style={{
            maxHeight: 320,
            overflow: 'auto',
            border: '1px solid #f0f0f0',
            borderRadius: 6,
            background: '#fff'
          }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = shown[item.index] as PreviewRow
              return (
                <div
                  key={row.row}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  data-testid="report-row"
                  data-row={row.row}
                  data-status={row.status}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    transform: `translateY(${item.start}px)`,
                    display: 'flex',
                    gap: 8,
                    padding: '6px 10px',
                    borderBottom: '1px solid #f5f5f5'
                  }}
                >
                  <Tag color={STATUS_COLOR[row.status]} style={{ flex: 'none', alignSelf: 'flex-start' }}>
                    {t(`customerImport.report.status.${row.status}`)}
                  </Tag>
                  <div style={{ minWidth: 0 }}>
                    {row.findings.map((f, i) => (
                      <Typography.Text
                        key={i}
                        style={{ display: 'block', color: SEVERITY_COLOR[f.severity] }}
                      >
                        {importMessageText(t, f)}
                      </Typography.Text>
                    ))}
                  </div>
                </div>
              )
            })}
          </div>
        </div>
      )}
    </div>
  )
}
