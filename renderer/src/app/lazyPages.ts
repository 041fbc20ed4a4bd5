import { lazy } from 'react'
import type { Data } from '@/db'

// Pages outside the start-up path load as separate chunks: the start-up bundle is parsed and
// compiled before 工作台 can show, so what is not needed for it waits. Once the desk is ready they
// are fetched in the background (preloadPages) so opening them later is still instant.

const loaders = {
  NewComplaintPage: () =>
    import('@/features/complaints/NewComplaintPage').then((m) => ({ default: m.NewComplaintPage })),
  ComplaintDetailPage: () =>
    import('@/features/complaints/ComplaintDetailPage').then((m) => ({ default: m.ComplaintDetailPage })),
  SettingsPage: () => import('@/features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  CounterPage: () => import('@/features/counter/CounterPage').then((m) => ({ default: m.CounterPage })),
  CustomersRoutes: () =>
    import('@/features/customers/CustomersRoutes').then((m) => ({ default: m.CustomersRoutes })),
  ComplaintPrintPage: () =>
    import('@/features/printing/ComplaintPrintPage').then((m) => ({ default: m.ComplaintPrintPage })),
  HandoverRoutes: () =>
    import('@/features/handover/HandoverRoutes').then((m) => ({ default: m.HandoverRoutes })),
  AuditLogPage: () => import('@/features/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })),
  SyncPage: () => import('@/features/sync/SyncPage').then((m) => ({ default: m.SyncPage })),
  RevisitsPage: () => import('@/features/revisits/RevisitsPage').then((m) => ({ default: m.RevisitsPage })),
  CallSheetPrintPage: () =>
    import('@/features/printing/CallSheetPrintPage').then((m) => ({ default: m.CallSheetPrintPage })),
  HandoverPrintPage: () =>
    import('@/features/printing/HandoverPrintPage').then((m) => ({ default: m.HandoverPrintPage })),
  CounterPrintPage: () =>
    import('@/features/printing/CounterPrintPage').then((m) => ({ default: m.CounterPrintPage })),
  ReportsPage: () => import('@/features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
  ReportsPrintPage: () =>
    import('@/features/printing/ReportsPrintPage').then((m) => ({ default: m.ReportsPrintPage }))
}

export const NewComplaintPage = lazy(loaders.NewComplaintPage)
export const ComplaintDetailPage = lazy(loaders.ComplaintDetailPage)
export const SettingsPage = lazy(loaders.SettingsPage)
export const CounterPage = lazy(loaders.CounterPage)
export const CounterPrintPage = lazy(loaders.CounterPrintPage)
export const CustomersRoutes = lazy(loaders.CustomersRoutes)
export const ComplaintPrintPage = lazy(loaders.ComplaintPrintPage)
export const HandoverRoutes = lazy(loaders.HandoverRoutes)
export const HandoverPrintPage = lazy(loaders.HandoverPrintPage)
export const SyncPage = lazy(loaders.SyncPage)
export const AuditLogPage = lazy(loaders.AuditLogPage)
export const RevisitsPage = lazy(loaders.RevisitsPage)
export const CallSheetPrintPage = lazy(loaders.CallSheetPrintPage)
export const ReportsPage = lazy(loaders.ReportsPage)
export const ReportsPrintPage = lazy(loaders.ReportsPrintPage)

/** Fetches every page chunk (and customer search, with the archive it reads) while the desk is idle. */
export function preloadPages(data: Data): void {
  // Customer search (pinyin dictionaries) is not a page but loads the same way: its own chunk, after start-up.
  const run = () =>
    void Promise.all([
      ...Object.values(loaders).map((load) => load()),
      data.read.prepareCustomerSearch()
    ]).catch(() => undefined)
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 })
  else setTimeout(run, 500)
}
