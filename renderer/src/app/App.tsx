import { Suspense, useEffect, useState } from 'react'
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import enUS from 'antd/locale/en_US'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { HashRouter, Route, Routes } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { i18n } from '@/i18n'
import { useSession } from './session'
import { bootApp } from './boot'
import { Shell } from './Shell'
import { SetupPage } from '@/features/setup/SetupPage'
import {
  CallSheetPrintPage,
  ComplaintPrintPage,
  CounterPrintPage,
  HandoverPrintPage,
  ReportsPrintPage
} from './lazyPages'
import { describeError } from './errors'
import { LockScreen, useDeskLockWatch } from '@/features/staff/DeskLock'

/** px from the window's top: a toast (about 40 px high) sits inside the 64 px header. */
const TOAST_TOP = 12

export function App() {
  const locale = useSession((s) => s.locale)
  return (
    <I18nextProvider i18n={i18n}>
      {/* autoInsertSpace off: antd would render 保存 as "保 存", and labels must match the glossary exactly.
          motion off: dialogs appear at once — snappier at a busy counter, and nothing moves under a click.
          zeroRuntime: component styles come from antd's precompiled stylesheet (imported in main.tsx), themed
          by the CSS variables this provider still sets; generating them at run time cost ~250 ms of the start-up
          (2-core PC) and more on the first visit of each page. */}
      <ConfigProvider
        locale={locale === 'en' ? enUS : zhCN}
        button={{ autoInsertSpace: false }}
        theme={{ zeroRuntime: true, token: { colorPrimary: '#1f6fd6', borderRadius: 4, motion: false } }}
      >
        {/* Toasts (issue 13.8): one at a time, in the middle of the header band, between the store name
            and the staff on duty — above every page's heading and search box and above a dialog's title
            (dialogs open 100 px down); a newer toast replaces the one before instead of stacking down
            into the page. Notifications (rare, with a close button) go to the bottom right corner.
            global.css keeps a toast narrower than the header's free middle. */}
        <AntApp
          style={{ height: '100%' }}
          message={{ top: TOAST_TOP, maxCount: 1 }}
          notification={{ placement: 'bottomRight' }}
        >
          <Boot />
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  )
}

/** Opens the data layer, then shows first-run setup or the desk. */
function Boot() {
  const { t } = useTranslation()
  const data = useSession((s) => s.data)
  const [failure, setFailure] = useState<string | null>(null)
  // Once per window: re-running it would reopen the database under a live UI.
  useEffect(() => {
    bootApp().catch((e: unknown) => setFailure(describeError(e, i18n.t)))
  }, [])
  const setupDone = useLiveQuery(() => (data ? data.read.isSetupDone() : undefined), [data])
  if (failure) return <Result status="error" title={t('app.title')} subTitle={failure} />
  if (!data || setupDone === undefined) return <Spin fullscreen tip={t('app.loading')} />
  if (!setupDone) return <SetupPage />
  return <Desk />
}

/** The desk, or 已锁定 in its place (nothing of the desk stays mounted while locked). */
function Desk() {
  const locked = useSession((s) => s.locked)
  const staff = useSession((s) => s.staff)
  useDeskLockWatch(!locked && !!staff)
  if (locked) return <LockScreen />
  return (
    <HashRouter>
      <Routes>
        {/* Print views stand alone (no menu or header): the page is exactly what goes on paper. */}
        <Route
          path="/print/complaint/:id"
          element={
            <Suspense fallback={null}>
              <ComplaintPrintPage />
            </Suspense>
          }
        />
        <Route
          path="/print/handover/:id"
          element={
            <Suspense fallback={null}>
              <HandoverPrintPage />
            </Suspense>
          }
        />
        <Route
          path="/print/revisits"
          element={
            <Suspense fallback={null}>
              <CallSheetPrintPage />
            </Suspense>
          }
        />
        <Route
          path="/print/counter/:kind"
          element={
            <Suspense fallback={null}>
              <CounterPrintPage />
            </Suspense>
          }
        />
        <Route
          path="/print/reports"
          element={
            <Suspense fallback={null}>
              <ReportsPrintPage />
            </Suspense>
          }
        />
        <Route path="*" element={<Shell />} />
      </Routes>
    </HashRouter>
  )
}
