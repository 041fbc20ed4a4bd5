import { Alert, App, Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd'
import { SyncOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import {
  CLOCK_WARN_MS,
  readPeers,
  seqRanges,
  shareUsage,
  stillRetired,
  type PeerPresence,
  type ShareUsage
} from '@/db'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { useSync } from '@/app/syncStore'
import { SyncIndicator } from './SyncIndicator'
import { UnlockShareButton } from './UnlockShareModal'

const WHEN = 'MM-DD HH:mm'
/** how long the page tells that this PC took a new device id */
const RENEWAL_NOTICE_MS = 14 * 24 * 3_600_000

/** 同步: the state with 立即同步, problems in plain words (the catalogue's, by code), the store's PCs (name, last seen, version,
 *  clock offset), conflicts kept for review and quarantined files. */
export function SyncPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const configured = useSync((s) => s.configured)
  const status = useSync((s) => s.status)
  const share = useSync((s) => s.share)
  const syncing = useAction({ staff: false })
  const retiring = useAction()
  const { modal } = App.useApp()
  const staff = useSession((s) => s.staff)
  const round = status.lastSyncedAt ?? 0
  // Re-read after every round: peers and local lists change with it.
  const peers = useLiveQuery(async (): Promise<PeerPresence[]> => {
    if (!share || status.state === 'unavailable') return []
    return readPeers(share).catch(() => [])
  }, [round, status.state, share])
  // How much the share holds (snapshot retention keeps it bounded: docs/sync-format.md §8.4).
  const usage = useLiveQuery(async (): Promise<ShareUsage | null> => {
    if (!share || status.state === 'unavailable') return null
    return shareUsage(share).catch(() => null)
  }, [round, status.state, share])
  const offset = useLiveQuery(() => data.read.lastClockOffset(), [data, round])
  const conflicts = useLiveQuery(() => data.read.listAllConflicts(), [data, round]) ?? []
  const quarantine = useLiveQuery(() => data.read.listQuarantine(), [data, round]) ?? []
  const renewal = useLiveQuery(() => data.read.lastDeviceRenewal(), [data])
  const clashes = useLiveQuery(() => data.read.listNumberClashes(), [data, round]) ?? []
  const renumbering = useAction()
  const retired = useLiveQuery(
    async () => new Map((await data.read.listRetiredDevices()).map((r) => [r.deviceId, r])),
    [data, round]
  )
  // The store itself is locked for this PC (no key, or one that no longer fits): not one peer's file.
  const locked = status.problems.some(
    (p) =>
      (p.kind === 'needsPassphrase' || p.kind === 'wrongPassphrase' || p.kind === 'storeTampered') &&
      p.peer === undefined
  )

  if (!configured) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('syncPage.notConfigured')}
        action={<Button onClick={() => navigate('/settings')}>{t('syncPage.openSettings')}</Button>}
        data-testid="sync-not-configured"
      />
    )
  }

  const offsetText = (ms: number | null | undefined) =>
    ms === null || ms === undefined
      ? '—'
      : t('syncPage.offsetValue', {
          sign: ms > 0 ? '+' : ms < 0 ? '−' : '',
          seconds: Math.round(Math.abs(ms) / 1000)
        })

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1080 }} data-testid="sync-page">
      <Card
        title={t('syncPage.title')}
        extra={
          <Button
            type="primary"
            icon={<SyncOutlined />}
            loading={syncing.busy || status.state === 'syncing'}
            onClick={() => void syncing.run(() => useSync.getState().syncNow())}
            data-testid="sync-now"
          >
            {t('action.syncNow')}
          </Button>
        }
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('syncPage.state')}>
            <SyncIndicator testId="sync-page-state" />
          </Descriptions.Item>
          <Descriptions.Item label={t('syncPage.lastSynced')}>
            {status.lastSyncedAt
              ? dayjs(status.lastSyncedAt).format('YYYY-MM-DD HH:mm:ss')
              : t('syncPage.never')}
          </Descriptions.Item>
          <Descriptions.Item label="">
            {status.lastReport
              ? t('syncPage.counts', { sent: status.lastReport.sent, received: status.lastReport.received })
              : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('syncPage.shareUsage')}>
            <span data-testid="share-usage">
              {!usage
                ? '—'
                : usage.bytes < 1_048_576
                  ? t('syncPage.shareUsageSmall', {
                      files: usage.files,
                      size: Math.max(1, Math.round(usage.bytes / 1024))
                    })
                  : t('syncPage.shareUsageValue', {
                      files: usage.files,
                      size: (usage.bytes / 1_048_576).toFixed(1)
                    })}
            </span>
          </Descriptions.Item>
        </Descriptions>
        {renewal && data.now() - renewal.at < RENEWAL_NOTICE_MS && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="device-renewed"
            title={t('syncPage.renewed', {
              when: dayjs(renewal.at).format('YYYY-MM-DD HH:mm'),
              to: renewal.to,
              code: data.device.deviceCode,
              moved: renewal.moved
            })}
            description={
              renewal.renumbered.length > 0
                ? t('syncPage.renumbered', {
                    list: renewal.renumbered
                      .map(([from, to]) => `${from} → ${to}`)
                      .join(t('pattern.listSeparator'))
                  })
                : undefined
            }
          />
        )}
        {offset !== undefined && offset !== null && Math.abs(offset) > CLOCK_WARN_MS && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="clock-warning"
            title={t('syncPage.clockWarn', { minutes: Math.round(Math.abs(offset) / 60_000) })}
          />
        )}
      </Card>

      <Card
        title={t('syncPage.problems')}
        size="small"
        data-testid="sync-problems"
        extra={locked ? <UnlockShareButton /> : undefined}
      >
        <List
          size="small"
          dataSource={[...status.problems]}
          locale={{ emptyText: t('syncPage.noProblems') }}
          renderItem={(p) => (
            <List.Item>
              <Typography.Text type={p.kind === 'unavailable' ? 'warning' : 'danger'}>
                {t(`syncPage.problem.${p.code}`)}
              </Typography.Text>
              {p.peer && <Tag style={{ marginLeft: 8 }}>{p.peer}</Tag>}
              {p.seqs && p.seqs.length > 0 && (
                <Tag data-testid="problem-seqs">{t('syncPage.problemSeqs', { list: seqRanges(p.seqs) })}</Tag>
              )}
            </List.Item>
          )}
        />
      </Card>

      {clashes.length > 0 && (
        <Card title={t('syncPage.clash.title')} size="small" data-testid="number-clashes">
          <Typography.Paragraph type="secondary">{t('syncPage.clash.hint')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="heldId"
            pagination={false}
            dataSource={clashes}
            columns={[
              { title: t('syncPage.clash.no'), dataIndex: 'no' },
              {
                title: t('syncPage.clash.local'),
                key: 'local',
                render: (_, c) => (
                  <a onClick={() => navigate(`/complaints/${c.localId}`)}>{c.localCustomer}</a>
                )
              },
              {
                title: t('syncPage.clash.incoming'),
                key: 'incoming',
                render: (_, c) => t('pattern.noted', { text: c.incomingCustomer, note: c.peer })
              },
              {
                title: t('syncPage.peer.actions'),
                key: 'actions',
                render: (_, c) => (
                  <Button
                    size="small"
                    loading={renumbering.busy}
                    onClick={() =>
                      void renumbering.run(
                        (who) => data.write.renumberClash(who.staffNo, c.heldId),
                        (done: { from: string; to: string }) => t('syncPage.clash.done', done)
                      )
                    }
                  >
                    {t('syncPage.clash.renumber')}
                  </Button>
                )
              }
            ]}
          />
        </Card>
      )}

      <Card title={t('syncPage.peers')} size="small">
        <Table
          size="small"
          rowKey="deviceId"
          pagination={false}
          dataSource={peers ?? []}
          data-testid="sync-peers"
          columns={[
            {
              title: t('syncPage.peer.name'),
              key: 'name',
              render: (_, p) => {
                const name = p.known ? p.name : t('syncPage.peer.unknown')
                return p.deviceId === data.device.deviceId
                  ? t('pattern.noted', { text: name, note: t('syncPage.peer.me') })
                  : name
              }
            },
            {
              title: t('syncPage.peer.lastSeen'),
              key: 'seen',
              render: (_, p) => dayjs(p.lastSeen).format(WHEN)
            },
            { title: t('syncPage.peer.version'), dataIndex: 'appVersion' },
            {
              title: t('syncPage.peer.offset'),
              key: 'offset',
              render: (_, p) => (
                <Typography.Text
                  type={
                    p.clockOffsetMs !== null && Math.abs(p.clockOffsetMs) > CLOCK_WARN_MS
                      ? 'danger'
                      : undefined
                  }
                >
                  {offsetText(p.clockOffsetMs)}
                </Typography.Text>
              )
            },
            {
              title: t('syncPage.peer.device'),
              dataIndex: 'deviceId',
              render: (id: string) => <Typography.Text type="secondary">{id}</Typography.Text>
            },
            {
              title: t('syncPage.peer.actions'),
              key: 'actions',
              render: (_, p) => {
                if (p.deviceId === data.device.deviceId) return null
                const removal = retired?.get(p.deviceId)
                if (stillRetired(removal, p.lastSeen)) return <Tag>{t('syncPage.peer.retired')}</Tag>
                const name = p.known && p.name ? p.name : p.deviceId
                return (
                  <Space size={4}>
                    {removal && <Tag color="green">{t('syncPage.peer.back')}</Tag>}
                    {staff?.role === 'manager' && (
                      <Button
                        size="small"
                        danger
                        loading={retiring.busy}
                        onClick={() =>
                          modal.confirm({
                            title: t('syncPage.retire.title', { name }),
                            content: t('syncPage.retire.body'),
                            okText: t('syncPage.retire.ok'),
                            okButtonProps: { danger: true },
                            cancelText: t('action.cancel'),
                            onOk: () =>
                              retiring.run(
                                (who) =>
                                  data.write.retireDevice(who.staffNo, {
                                    deviceId: p.deviceId,
                                    lastSeen: p.lastSeen,
                                    name: p.known ? p.name : ''
                                  }),
                                'syncPage.retire.done'
                              )
                          })
                        }
                      >
                        {t('syncPage.retire.button')}
                      </Button>
                    )}
                  </Space>
                )
              }
            }
          ]}
        />
      </Card>

      <Card
        title={t('pattern.counted', { title: t('syncPage.conflicts'), count: conflicts.length })}
        size="small"
      >
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={conflicts}
          locale={{ emptyText: t('syncPage.noConflicts') }}
          data-testid="sync-conflicts"
          columns={[
            {
              title: t('syncPage.conflict.record'),
              key: 'record',
              render: (_, c) =>
                c.table === 'complaints' ? (
                  <a onClick={() => navigate(`/complaints/${c.recordId}`)}>{t('complaint.complaint')}</a>
                ) : c.table === 'customers' ? (
                  <a onClick={() => navigate(`/customers/${c.recordId}`)}>{t('nav.customers')}</a>
                ) : (
                  c.table
                )
            },
            {
              title: t('syncPage.conflict.field'),
              dataIndex: 'field',
              render: (f: string, c) => (c.table === 'complaints' ? t(`complaint.${f}`) : f)
            },
            {
              title: t('syncPage.conflict.losing'),
              key: 'losing',
              render: (_, c) => (
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                  {String(c.losingValue ?? '')}
                </Typography.Text>
              )
            },
            { title: t('syncPage.conflict.at'), key: 'at', render: (_, c) => dayjs(c.at).format(WHEN) }
          ]}
        />
      </Card>

      <Card
        title={t('pattern.counted', { title: t('syncPage.quarantine'), count: quarantine.length })}
        size="small"
      >
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={quarantine}
          locale={{ emptyText: t('syncPage.noQuarantine') }}
          data-testid="sync-quarantine"
          columns={[
            { title: t('syncPage.quarantineCol.peer'), dataIndex: 'peer' },
            { title: t('syncPage.quarantineCol.seq'), dataIndex: 'seq' },
            {
              title: t('syncPage.quarantineCol.message'),
              key: 'message',
              render: (_, q) => t(`syncPage.problem.${q.code}`)
            },
            { title: t('syncPage.quarantineCol.at'), key: 'at', render: (_, q) => dayjs(q.at).format(WHEN) }
          ]}
        />
      </Card>
    </Space>
  )
}
