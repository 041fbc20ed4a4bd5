import type { Customer } from '@shared/domain/customer'
import type { ImportField } from '@shared/import'
import type { ImportBatch, ImportUpdateMode } from '@/db'
import type { RosterView } from './workerProtocol'

/** The field of the archive each roster field fills. */
const TARGET: Record<ImportField, keyof Omit<Customer, 'id'>> = {
  name: 'name',
  phone: 'phones',
  gender: 'gender',
  birthday: 'birthday',
  address: 'address',
  memberNo: 'memberNo',
  tier: 'tier',
  credit: 'credit',
  tags: 'tags',
  needs: 'needs',
  source: 'source',
  notes: 'notes'
}

export interface BatchChoice {
  updateExisting: boolean
  mode: ImportUpdateMode
  fileName: string
}

/** What 确认导入 writes: the 'new' rows, and the 'update' rows only if the user chose to update
 *  existing customers — each as a patch of just the columns the file has (a file without a 客户等级
 *  column says nothing about tiers, though its rows read as 普通客户). */
export function buildBatch(roster: RosterView, choice: BatchChoice): ImportBatch {
  const preview = roster.preview
  if (!preview) throw new Error('the roster has not been checked yet')
  const mapped = [...new Set(roster.mapping.filter((f): f is ImportField => f !== null))].map(
    (f) => TARGET[f]
  )
  const create: ImportBatch['create'] = []
  const update: ImportBatch['update'] = []
  for (const row of preview.rows) {
    if (!row.record) continue
    if (row.status === 'new') create.push(row.record)
    else if (row.status === 'update' && row.existing && choice.updateExisting) {
      const patch: Partial<Customer> = {}
      for (const field of mapped)
        if (row.record[field] !== undefined) (patch as Record<string, unknown>)[field] = row.record[field]
      update.push({ id: row.existing.id, patch })
    }
  }
  return {
    create,
    update,
    mode: choice.mode,
    fileName: choice.fileName,
    skipped: preview.counts.total - create.length - update.length
  }
}
