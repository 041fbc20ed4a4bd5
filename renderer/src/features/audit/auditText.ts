import type { TFunction } from 'i18next'
import type { AuditRow } from '@/db'

// 操作日志 rows in words: the data layer stores codes and parameters only (shared/domain/desk/audit.ts).

type P = AuditRow['params']
const str = (p: P, key: string): string => {
  const v = p[key]
  return v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v)
}

/** The row's 内容 column. */
export function auditDetail(t: TFunction, row: AuditRow): string {
  const p = row.params
  switch (row.kind) {
    case 'phoneRevealed':
      return t('audit.details.phone', { phone: str(p, 'phone') })
    case 'customersExported':
      return t('audit.details.export', {
        count: Number(p.count ?? 0),
        how: t(p.masked ? 'audit.details.masked' : 'audit.details.full')
      })
    case 'auditExported':
      return t('audit.details.count', { count: Number(p.count ?? 0) })
    case 'printed':
      return t(p.to === 'pdf' ? 'audit.details.pdf' : 'audit.details.print', {
        form: t(`audit.forms.${str(p, 'form') || 'complaint'}`),
        record: str(p, 'record')
      })
    case 'planApproved':
    case 'planReturned':
      return t('audit.details.complaint', { no: str(p, 'complaintNo') || str(p, 'complaintId') })
    case 'settingsChanged':
      return t('audit.details.setting', { setting: str(p, 'setting') })
    case 'staffAdded':
      return t('audit.details.staffRole', {
        staffNo: str(p, 'staffNo'),
        role: t(`staff.roleOption.${str(p, 'role') || 'clerk'}`)
      })
    case 'staffChanged':
    case 'pinSet':
    case 'pinCleared':
    case 'pinUnlocked':
      return t('audit.details.staff', { staffNo: str(p, 'staffNo') })
    case 'customersMerged':
      return t('audit.details.merge', { survivorId: str(p, 'survivorId'), otherId: str(p, 'otherId') })
    case 'problemDecided':
      return t('audit.details.problem', { problemId: str(p, 'problemId'), decision: str(p, 'decision') })
    case 'storeShareCreated':
    case 'storeShareJoined':
    case 'storeShareUnlocked':
    case 'storePassphraseSet':
      return t('audit.details.store', { storeId: str(p, 'storeId') })
    default:
      return t('audit.details.other', {
        text: Object.entries(p)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ')
      })
  }
}
