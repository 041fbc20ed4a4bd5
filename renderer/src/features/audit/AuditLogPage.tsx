import { useState } from 'react'
import { Alert, Button, Card, DatePicker, Form, Select, Space, Table, Typography } from 'antd'
import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs, { type Dayjs } from 'dayjs'
import { AUDIT_KINDS, type AuditCheck, type AuditKind } from '@shared/domain/desk/audit'
import type { AuditFilter, AuditRow } from '@/db'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { describeError } from '@/app/errors'
import { downloadXlsx } from '@/features/customers/import/download'
import { auditDetail } from './auditText'
import { auditXlsx } from './auditXlsx'

const PAGE = 50

/** 操作日志 (managers only): who did which sensitive action, when, on which PC; filter by person,
 *  kind and date; 导出Excel; 检查完整性 walks every PC's hash chain. Nothing here edits an entry. */
export function AuditLogPage() {
  const { t } = useTranslation()
  const data = useData()
  const me = useSession((s) => s.staff)
  const staff = useLiveQuery(() => data.read.listStaff(), [data])
  const [staffNo, setStaffNo] = useState('')
  const [kind, setKind] = useState<AuditKind | ''>('')
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null)
  const [limit, setLimit] = useState(PAGE)
  const [check, setCheck] = useState<AuditCheck | null>(null)
  const exporting = useAction({ failure: 'audit.exportFailed' })
  const checking = useAction()

  const filter: AuditFilter = {
    ...(staffNo ? { staffNo } : {}),
    ...(kind ? { kind } : {}),
    ...(dates?.[0] ? { from: dates[0].startOf('day').valueOf() } : {}),
    ...(dates?.[1] ? { to: dates[1].endOf('day').valueOf() } : {})
  }
  const filterKey = JSON.stringify(filter)

  // A live query: new entries (this PC's or synced) appear at once; the data layer checks who is at
  // the desk, so a staff switch re-reads too. 加载更多 raises the limit.
  const page = useLiveQuery(
    () =>
      data.read
        .listAuditLog(JSON.parse(filterKey) as AuditFilter, { limit })
        .then((p) => ({ ...p, error: null }))
        .catch((e: unknown) => ({ rows: [] as AuditRow[], hasMore: false, error: describeError(e, t) })),
    [data, filterKey, limit, me?.staffNo, t]
  )
  const rows = page?.rows
  const hasMore = page?.hasMore ?? false
  const error = page?.error ?? null

  if (me?.role !== 'manager')
    return (
      <Alert type="warning" showIcon message={t('roles.refused.managerOnly')} data-testid="audit-refused" />
    )

  const exportAll = () =>
    exporting.run(
      async (at) => {
        const all = await data.read.allAuditLog(filter)
        const bytes = await auditXlsx(t, all)
        await data.write.recordAuditExport(at.staffNo, all.length)
        downloadXlsx(bytes, `${t('audit.sheet')}-${dayjs(data.now()).format('YYYYMMDD-HHmm')}.xlsx`)
        return all.length
      },
      (count) => t('audit.exported', { count })
    )

  const runCheck = () =>
    checking.run(async () => {
      setCheck(await data.read.checkAuditLog())
    })

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Space>
          <Button icon={<SafetyOutlined />} loading={checking.busy} onClick={() => void runCheck()}>
            {t('audit.check')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting.busy} onClick={() => void exportAll()}>
            {t('action.exportExcel')}
          </Button>
        </Space>
      }
    >
      {check && (
        <Alert
          style={{ marginBottom: 12 }}
          data-testid="audit-check"
          type={check.intact ? 'success' : 'error'}
          showIcon
          message={check.intact ? t('audit.intact', { count: check.entries }) : t('audit.broken')}
          description={
            check.intact ? undefined : (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {check.breaks.map((b) => (
                  <li key={`${b.device}:${b.seq}`}>
                    {b.problem === 'missing'
                      ? t('audit.breakMissing', { device: b.device, from: b.missingFrom, seq: b.seq })
                      : b.problem === 'edited'
                        ? t('audit.breakEdited', { device: b.device, seq: b.seq })
                        : t('audit.breakRelinked', { device: b.device, seq: b.seq })}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('audit.staff')} htmlFor="audit-staff">
          <Select
            id="audit-staff"
            style={{ width: 180 }}
            value={staffNo}
            onChange={(v) => (setStaffNo(v), setLimit(PAGE))}
            options={[
              { value: '', label: t('audit.allStaff') },
              ...(staff ?? []).map((s) => ({ value: s.staffNo, label: `${s.staffNo} ${s.name}` }))
            ]}
          />
        </Form.Item>
        <Form.Item label={t('audit.kind')} htmlFor="audit-kind">
          <Select
            id="audit-kind"
            style={{ width: 180 }}
            value={kind}
            onChange={(v) => (setKind(v), setLimit(PAGE))}
            options={[
              { value: '', label: t('audit.allKinds') },
              ...AUDIT_KINDS.map((k) => ({ value: k, label: t(`audit.kinds.${k}`) }))
            ]}
          />
        </Form.Item>
        <Form.Item label={t('audit.dates')} htmlFor="audit-dates">
          <DatePicker.RangePicker
            id={{ start: 'audit-dates' }}
            value={dates}
            onChange={(v) => (setDates(v), setLimit(PAGE))}
            allowEmpty={[true, true]}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<AuditRow>
        size="small"
        rowKey="id"
        data-testid="audit-table"
        loading={rows === undefined}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('audit.empty') }}
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'at',
            width: 170,
            render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm:ss')
          },
          {
            title: t('audit.staffNo'),
            dataIndex: 'staffNo',
            width: 140,
            render: (no: string) => {
              const name = staff?.find((s) => s.staffNo === no)?.name
              return name ? `${no} ${name}` : no
            }
          },
          { title: t('audit.device'), dataIndex: 'deviceName', width: 130, ellipsis: true },
          {
            title: t('audit.what'),
            dataIndex: 'kind',
            width: 140,
            render: (k: AuditKind) => t(`audit.kinds.${k}`)
          },
          { title: t('audit.detail'), key: 'detail', render: (_: unknown, r: AuditRow) => auditDetail(t, r) }
        ]}
      />
      {hasMore && (
        <Button style={{ marginTop: 12 }} onClick={() => setLimit((l) => l + PAGE)}>
          {t('audit.more')}
        </Button>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('audit.hint')}
      </Typography.Paragraph>
    </Card>
  )
}
