import { Select, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { IMPORT_FIELDS, type ImportField } from '@shared/import/messages'
import type { ColumnMapping } from '@shared/import'
import type { RosterView } from './workerProtocol'

type Props = { roster: RosterView; disabled: boolean; onChange: (mapping: ColumnMapping) => void }

/** A, B, … Z, AA, AB … as Excel names its columns. */
export function columnLetter(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    const r = (n - 1) % 26
    name = String.fromCharCode(65 + r) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

const SKIP = ''

/** 列的对应: per column of the file, its title, a sample value and what it is imported as. */
export function MappingTable({ roster, disabled, onChange }: Props) {
  const { t } = useTranslation()
  const options = [
    { value: SKIP, label: t('customerImport.mapping.skip') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`customerImport.field.${f}`) }))
  ]
  const rows = roster.headers.map((header, index) => ({
    index,
    header,
    sample: roster.samples[index] ?? '',
    field: roster.mapping[index] ?? null
  }))
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="index"
      data-testid="import-mapping"
      dataSource={rows}
      scroll={{ y: 320 }}
      columns={[
        {
          title: t('customerImport.mapping.column'),
          dataIndex: 'index',
          width: 60,
          render: (i: number) => columnLetter(i)
        },
        { title: t('customerImport.mapping.header'), dataIndex: 'header', width: 180 },
        {
          title: t('customerImport.mapping.sample'),
          dataIndex: 'sample',
          ellipsis: true,
          render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text>
        },
        {
          title: t('customerImport.mapping.field'),
          dataIndex: 'field',
          width: 200,
          render: (field: ImportField | null, row) => (
            <Select
              style={{ width: 180 }}
              value={field ?? SKIP}
              disabled={disabled}
              options={options}
              aria-label={`${t('customerImport.mapping.field')} ${columnLetter(row.index)}`}
              data-testid={`mapping-${columnLetter(row.index)}`}
              onChange={(value: string) => {
                const next = roster.headers.map((_, c) => roster.mapping[c] ?? null)
                next[row.index] = value === SKIP ? null : (value as ImportField)
                onChange(next)
              }}
            />
          )
        }
      ]}
    />
  )
}
