import { useCallback, useEffect, useRef, useState } from 'react'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
// Narrow imports: the shared/import index would pull the parsers (papaparse) into the page's chunk; they belong to the worker.
import { checkFileSize } from '@shared/import/fileKind'
import type { ColumnMapping, ExistingCustomer } from '@shared/import'
import { ImportRefusedError, type ImportOutcome } from '@/db'
import { useData, useSession } from '@/app/session'
import { describeError } from '@/app/errors'
import { buildBatch, type BatchChoice } from './importBatch'
import { importMessageText } from './importText'
import { ImportWorker } from './workerClient'
import type { RosterView } from './workerProtocol'

// The import wizard's state: file → parsed in the worker → checked against the archive → written.
// Nothing is written before confirm(). An error never loses what was loaded: a bad file leaves the
// picker up with the reason, a refused or failed write goes back to the same preview and mapping.

/** A correction of the review step: another mapping or header row, or the phone-less rows' choice. */
export type RecheckChange = { mapping?: ColumnMapping; headerRow?: number; withoutPhone?: boolean }

export type WizardStage =
  | { step: 'pick'; error?: string; reading?: string }
  | { step: 'review'; fileName: string; roster: RosterView; checking: boolean; alert?: string }
  | { step: 'writing'; fileName: string; roster: RosterView; done: number; total: number }
  | { step: 'done'; outcome: ImportOutcome; skipped: number }

/** Timings for the benchmark (bench/customer-import.bench.ts) and the browser's performance panel. */
const mark = (name: 'file' | 'parsed' | 'checked' | 'confirm' | 'written') =>
  performance.mark(`customerImport:${name}`)

/** Owners are looked up until the rows to write hold no phone not yet asked about (a re-check can
 *  free a row whose phones were not asked before); a few rounds always suffice. */
const LOOKUP_ROUNDS = 3

export function useImportWizard() {
  const { t } = useTranslation()
  const data = useData()
  const staffNo = useSession((s) => s.staff?.staffNo)
  const [stage, setStage] = useState<WizardStage>({ step: 'pick' })
  const worker = useRef<ImportWorker | null>(null)
  /** phone → the archive holding it, for every phone asked about so far */
  const owners = useRef(new Map<string, ExistingCustomer>())
  const asked = useRef(new Set<string>())
  /** the latest request wins: an older check finishing late is ignored */
  const generation = useRef(0)
  /** 没有有效联系电话的行也导入: sent with every check, so a re-check keeps the choice */
  const withoutPhone = useRef(false)

  useEffect(() => () => worker.current?.terminate(), [])

  const today = useCallback(() => dayjs(data.now()).format('YYYY-MM-DD'), [data])
  const getWorker = () => (worker.current ??= new ImportWorker())

  const lookUp = useCallback(
    async (phones: readonly string[]) => {
      const unknown = phones.filter((p) => !asked.current.has(p))
      if (unknown.length === 0) return false
      for (const [phone, owner] of await data.read.customersHoldingPhones(unknown))
        owners.current.set(phone, owner)
      for (const p of unknown) asked.current.add(p)
      return true
    },
    [data]
  )

  /** The rows checked against the archive, with an optional new mapping / header row. */
  const check = useCallback(
    async (phones: readonly string[], change: { mapping?: ColumnMapping; headerRow?: number }) => {
      await lookUp(phones)
      const w = worker.current
      if (!w) throw new Error('import worker stopped')
      const ask = () => ({
        existing: [...owners.current],
        today: today(),
        withoutPhone: withoutPhone.current
      })
      let view = await w.call({ kind: 'validate', ...change, ...ask() })
      for (let round = 0; round < LOOKUP_ROUNDS && (await lookUp(view.phones)); round++) {
        view = await w.call({ kind: 'validate', ...ask() })
      }
      return view
    },
    [lookUp, today]
  )

  const chooseFile = useCallback(
    async (file: File) => {
      const gen = ++generation.current
      mark('file')
      // The size is checked before a single byte is read: a 200 MB file is refused at once.
      const tooBig = checkFileSize(file.size)
      if (tooBig) return setStage({ step: 'pick', error: importMessageText(t, tooBig) })
      setStage({ step: 'pick', reading: file.name })
      owners.current.clear()
      asked.current.clear()
      withoutPhone.current = false
      try {
        const bytes = await file.arrayBuffer()
        const parsed = await getWorker().call({ kind: 'parse', bytes, fileName: file.name, today: today() }, [
          bytes
        ])
        if (gen !== generation.current) return
        if (!parsed.ok) return setStage({ step: 'pick', error: importMessageText(t, parsed.error) })
        mark('parsed')
        const roster = await check(parsed.roster.phones, {})
        mark('checked')
        if (gen === generation.current)
          setStage({ step: 'review', fileName: file.name, roster, checking: false })
      } catch (e) {
        if (gen === generation.current)
          setStage({ step: 'pick', error: t('customerImport.readFailed', { reason: describeError(e, t) }) })
      }
    },
    [t, today, check]
  )

  /** Re-check with the user's correction; the preview stays up (marked as checking) meanwhile. */
  const recheck = useCallback(
    async (change: RecheckChange, alert?: string) => {
      const gen = ++generation.current
      if (change.withoutPhone !== undefined) withoutPhone.current = change.withoutPhone
      setStage((s) =>
        s.step === 'review' || s.step === 'writing'
          ? { step: 'review', fileName: s.fileName, roster: s.roster, checking: true, alert }
          : s
      )
      try {
        const { withoutPhone: _choice, ...columns } = change
        const roster = await check([], columns)
        if (gen === generation.current)
          setStage((s) => (s.step === 'review' ? { ...s, roster, checking: false } : s))
      } catch (e) {
        if (gen === generation.current)
          setStage((s) =>
            s.step === 'review'
              ? {
                  ...s,
                  checking: false,
                  alert: t('customerImport.readFailed', { reason: describeError(e, t) })
                }
              : s
          )
      }
    },
    [check, t]
  )

  const confirm = useCallback(
    async (choice: Omit<BatchChoice, 'fileName'>) => {
      if (stage.step !== 'review' || !staffNo) return
      const { fileName, roster } = stage
      const batch = buildBatch(roster, { ...choice, fileName })
      const total = batch.create.length + batch.update.length
      setStage({ step: 'writing', fileName, roster, done: 0, total })
      mark('confirm')
      try {
        const outcome = await data.write.importCustomers(staffNo, batch, (done) =>
          setStage((s) => (s.step === 'writing' ? { ...s, done } : s))
        )
        mark('written')
        setStage({ step: 'done', outcome, skipped: batch.skipped ?? 0 })
      } catch (e) {
        if (e instanceof ImportRefusedError) {
          // The archive changed under the preview: ask again about every phone and show the new report.
          owners.current.clear()
          asked.current.clear()
          await recheck({}, describeError(e, t))
        } else {
          setStage({
            step: 'review',
            fileName,
            roster,
            checking: false,
            alert: t('customerImport.failed', { reason: describeError(e, t) })
          })
        }
      }
    },
    [stage, staffNo, data, recheck, t]
  )

  const restart = useCallback(() => {
    generation.current++
    setStage({ step: 'pick' })
  }, [])

  /** 下载问题行: the workbook of the listed rows (row number → reason), built from the loaded file. */
  const problemRows = useCallback(async (reasons: [number, string][], reasonHeader: string) => {
    const w = worker.current
    if (!w) throw new Error('import worker stopped')
    return (await w.call({ kind: 'problemRows', reasons, reasonHeader })).bytes
  }, [])

  return { stage, chooseFile, recheck, confirm, restart, problemRows }
}
