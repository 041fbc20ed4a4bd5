import { Button, Descriptions, InputNumber } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RosterView } from './workerProtocol'

type Props = {
  fileName: string
  roster: RosterView
  disabled: boolean
  onHeaderRow: (row: number) => void
  onAnotherFile: () => void
}

/** What was detected: format, encoding (CSV) or worksheet (xlsx), and the header row, which can be
 *  corrected when a title or notes above the table fooled the guess. */
export function FileInfo({ fileName, roster, disabled, onHeaderRow, onAnotherFile }: Props) {
  const { t } = useTranslation()
  return (
    <Descriptions
      size="small"
      bordered
      column={3}
      data-testid="import-file-info"
      extra={<Button onClick={onAnotherFile}>{t('customerImport.pick.another')}</Button>}
      items={[
        { key: 'name', label: t('customerImport.file.name'), children: fileName },
        {
          key: 'kind',
          label: t('customerImport.file.kind'),
          children: t(`customerImport.kind.${roster.kind}`)
        },
        roster.encoding
          ? {
              key: 'encoding',
              label: t('customerImport.file.encoding'),
              children: (
                <span data-testid="import-encoding">{t(`customerImport.encoding.${roster.encoding}`)}</span>
              )
            }
          : {
              key: 'sheet',
              label: t('customerImport.file.sheet'),
              children: <span data-testid="import-sheet">{roster.sheetName ?? ''}</span>
            },
        {
          key: 'header',
          label: t('customerImport.file.headerRow'),
          children: (
            <InputNumber
              size="small"
              min={1}
              max={30}
              value={roster.headerRow}
              disabled={disabled}
              aria-label={t('customerImport.file.headerRow')}
              data-testid="import-header-row"
              onChange={(v) => typeof v === 'number' && v !== roster.headerRow && onHeaderRow(v)}
            />
          )
        },
        {
          key: 'rows',
          label: t('customerImport.file.rows'),
          children: (
            <span data-testid="import-data-rows">
              {t('customerImport.file.rowsSum', {
                data: roster.dataRows,
                blank: roster.blankRows,
                lines: roster.linesRead
              })}
            </span>
          )
        }
      ]}
    />
  )
}
