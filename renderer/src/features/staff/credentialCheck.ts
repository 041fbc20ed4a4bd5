import type { PinCheckResult } from '@shared/domain/pin'

// What StaffCredentialsForm does with the data layer's answer. Pure, so every branch is unit-tested.
// Until someone has a PIN, being the 工号 at the desk (切换工号) stands in for it: the issue allows
// acknowledging "with their 工号 and PIN (or the staff switch, until PINs exist)".

export type CredentialDecision =
  { accepted: true; via: 'pin' | 'session' } | { accepted: false; field: 'staffNo' | 'pin'; message: string }

export function decideCredentials(input: {
  /** the data layer's answer through the lockout (checkPinGuarded): 'locked' = five wrong in a row */
  result: PinCheckResult | 'locked'
  sessionStaffNo: string | undefined
  enteredStaffNo: string
  enteredPin: string
}): CredentialDecision {
  switch (input.result) {
    case 'ok':
      return { accepted: true, via: 'pin' }
    case 'locked':
      return { accepted: false, field: 'pin', message: 'staffPin.check.lockedNow' }
    case 'unknownStaff':
      return { accepted: false, field: 'staffNo', message: 'staffPin.check.unknownStaff' }
    case 'inactive':
      return { accepted: false, field: 'staffNo', message: 'staffPin.check.inactive' }
    case 'noPin':
      return input.sessionStaffNo !== undefined && input.sessionStaffNo === input.enteredStaffNo.trim()
        ? { accepted: true, via: 'session' }
        : { accepted: false, field: 'pin', message: 'staffPin.check.noPin' }
    case 'wrong':
      return {
        accepted: false,
        field: 'pin',
        message: input.enteredPin.trim() === '' ? 'validation.required' : 'staffPin.check.wrong'
      }
  }
}
