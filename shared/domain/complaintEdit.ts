import type { Complaint, ComplaintIntake } from './complaint'

// Editing a registered complaint's intake fields later: nothing is silently overwritten — every
// changed field becomes its own timeline event with the old and the new value.

/** Intake fields that may be corrected after registration (not the number, time or first responder). */
export const EDITABLE_FIELDS = [
  'channel',
  'customerName',
  'orderNo',
  'itemNo',
  'product',
  'quantity',
  'purchaseDate',
  'category',
  'content',
  'demand',
  'emotion',
  'urgency'
] as const satisfies readonly (keyof Complaint & keyof ComplaintIntake)[]

export type EditableField = (typeof EDITABLE_FIELDS)[number]

export interface FieldChange {
  field: EditableField
  from: unknown
  to: unknown
}

/** The fields whose value really changes. */
export function diffIntake(current: Complaint, edited: Pick<ComplaintIntake, EditableField>): FieldChange[] {
  return EDITABLE_FIELDS.filter((f) => current[f] !== edited[f]).map((field) => ({
    field,
    from: current[field],
    to: edited[field]
  }))
}
