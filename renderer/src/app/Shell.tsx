import { Suspense, useState } from 'react'
import { Button, Layout, Menu, Space, Typography } from 'antd'
import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileTextOutlined,
  PhoneOutlined,
  SafetyOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
  UserSwitchOutlined
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from './session'
import { DashboardPage } from '@/features/dashboard/DashboardPage'
import { ComplaintListPage } from '@/features/complaints/ComplaintListPage'
import {
  ComplaintDetailPage,
  AuditLogPage,
  CounterPage,
  CustomersRoutes,
  HandoverRoutes,
  NewComplaintPage,
  ReportsPage,
  RevisitsPage,
  SettingsPage,
  SyncPage
} from './lazyPages'
import { SyncIndicator } from '@/features/sync/SyncIndicator'
import { ComingSoon } from '@/features/placeholder/ComingSoon'
import { SwitchStaffModal } from '@/features/staff/SwitchStaffModal'
import { LockButton } from '@/features/staff/DeskLock'
import { useEscalationSweep } from './useEscalationSweep'
import { useRevisitSweep } from './useRevisitSweep'
import { CustomerSearchPalette } from '@/features/customers/CustomerSearchPalette'
import { CounterShortcuts } from '@/features/counter/CounterShortcuts'

const NAV = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { key: 'complaints', path: '/complaints', icon: <AuditOutlined /> },
  { key: 'customers', path: '/customers', icon: <TeamOutlined /> },
  { key: 'revisits', path: '/revisits', icon: <PhoneOutlined /> },
  { key: 'counter', path: '/counter', icon: <FileTextOutlined /> },
  { key: 'handover', path: '/handover', icon: <SwapOutlined /> },
  { key: 'reports', path: '/reports', icon: <BarChartOutlined /> },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
  // 操作日志: managers only (the data layer refuses anyone else too)
  { key: 'audit', path: '/audit', icon: <SafetyOutlined /> }
] as const

/** Pages without a menu entry of their own, under the entry they belong to: 同步 is part of 系统设置
 *  (its share card leads there), so the menu does not claim 工作台 is open. */
const NAV_PARENT: Readonly<Record<string, string>> = { '/sync': 'settings' }

function activeNav(pathname: string): string {
  const parent = Object.entries(NAV_PARENT).find(([path]) => pathname.startsWith(path))
  if (parent) return parent[1]
  const match = [...NAV].reverse().find((n) => n.path !== '/' && pathname.startsWith(n.path))
  return match?.key ?? 'dashboard'
}

export function Shell() {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const location = useLocation()
  const staff = useSession((s) => s.staff)
  const [switching, setSwitching] = useState(false)
  const storeName = useLiveQuery(() => data.read.getStoreName(), [data])
  useEscalationSweep(data)
  useRevisitSweep(data)

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0', height: '100%' }}>
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 17 }}>{t('app.title')}</div>
        <Menu
          mode="inline"
          selectedKeys={[activeNav(location.pathname)]}
          items={NAV.filter((n) => n.key !== 'audit' || staff?.role === 'manager').map((n) => ({
            key: n.key,
            icon: n.icon,
            label: t(`nav.${n.key}`)
          }))}
          onClick={({ key }) => navigate(NAV.find((n) => n.key === key)?.path ?? '/')}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 20px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center'
          }}
        >
          <Typography.Text strong data-testid="store-name">
            {storeName}
          </Typography.Text>
          <Space>
            <SyncIndicator />
            <span data-testid="current-staff">
              {t('pattern.labelValue', {
                label: t('staff.current'),
                value: staff ? `${staff.staffNo} ${staff.name}` : t('staff.none')
              })}
            </span>
            <Button icon={<UserSwitchOutlined />} onClick={() => setSwitching(true)}>
              {t('action.switchStaff')}
            </Button>
            {staff && <LockButton />}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 20, overflow: 'auto' }}>
          <Suspense fallback={null}>
            <Routes>
              <Route path="/" element={<DashboardPage />} />
              <Route path="/complaints" element={<ComplaintListPage />} />
              <Route path="/complaints/new" element={<NewComplaintPage />} />
              <Route path="/complaints/:id" element={<ComplaintDetailPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/counter" element={<CounterPage />} />
              <Route path="/customers/*" element={<CustomersRoutes />} />
              <Route path="/handover/*" element={<HandoverRoutes />} />
              <Route path="/sync" element={<SyncPage />} />
              <Route path="/revisits" element={<RevisitsPage />} />
              <Route path="/reports" element={<ReportsPage />} />
              <Route path="/audit" element={<AuditLogPage />} />
              {NAV.filter(
                (n) =>
                  ![
                    'dashboard',
                    'complaints',
                    'settings',
                    'counter',
                    'customers',
                    'handover',
                    'revisits',
                    'reports',
                    'audit'
                  ].includes(n.key)
              ).map((n) => (
                <Route key={n.key} path={n.path} element={<ComingSoon title={t(`nav.${n.key}`)} />} />
              ))}
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
      {/* Nobody at the desk (e.g. that person was removed on another PC): ask before anything is recorded. */}
      <SwitchStaffModal open={switching || !staff} required={!staff} onClose={() => setSwitching(false)} />
      {/* Ctrl+K from anywhere: find a customer by name, pinyin initials, phone, last 4 or card. */}
      <CustomerSearchPalette />
      {/* F2 新建咨询, F3 登记问题 from anywhere (柜台登记). */}
      <CounterShortcuts />
    </Layout>
  )
}
