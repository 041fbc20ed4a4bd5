import type { TFunction } from 'i18next'
import dayjs from 'dayjs'
import { useSync } from '@/app/syncStore'

// 数据截至 on an exported or printed report. While a new PC is still loading the store's settled
// history (issue 18 point 1) the page says its figures are not complete; a file or a sheet of paper
// outlives the page, so it says so itself.

/** 数据截至's value: the time, and while history is still loading, that the figures are incomplete. */
export function asOfValue(t: TFunction, asOf: number, historyLoading: boolean): string {
  const time = dayjs(asOf).format('YYYY-MM-DD HH:mm')
  return historyLoading ? t('reports.asOfHistoryLoading', { time }) : time
}

/** Whether history is loading at this moment (an export is written once, when asked for). */
export function historyLoadingNow(): boolean {
  return useSync.getState().status.history !== null
}

/** Whether history is loading, for a printed sheet (it re-renders when loading ends). */
export function useHistoryLoading(): boolean {
  return useSync((s) => s.status.history !== null)
}
