import { describe, expect, it } from 'vitest'
import { decideCredentials } from '@/features/staff/credentialCheck'

const entered = { enteredStaffNo: '1001', enteredPin: '1234' }

describe('decideCredentials', () => {
  it('accepts a correct PIN whoever is at the desk', () => {
    expect(decideCredentials({ ...entered, result: 'ok', sessionStaffNo: '8001' })).toEqual({
      accepted: true,
      via: 'pin'
    })
    expect(decideCredentials({ ...entered, result: 'ok', sessionStaffNo: undefined })).toEqual({
      accepted: true,
      via: 'pin'
    })
  })

  it('refuses a wrong PIN on the PIN field, or asks for one when it was left empty', () => {
    expect(decideCredentials({ ...entered, result: 'wrong', sessionStaffNo: '1001' })).toEqual({
      accepted: false,
      field: 'pin',
      message: 'staffPin.check.wrong'
    })
    expect(
      decideCredentials({ ...entered, enteredPin: ' ', result: 'wrong', sessionStaffNo: '1001' })
    ).toEqual({ accepted: false, field: 'pin', message: 'validation.required' })
  })

  it('refuses an unknown or deactivated 工号 on the 工号 field, even for the person at the desk', () => {
    expect(decideCredentials({ ...entered, result: 'unknownStaff', sessionStaffNo: '1001' })).toEqual({
      accepted: false,
      field: 'staffNo',
      message: 'staffPin.check.unknownStaff'
    })
    expect(decideCredentials({ ...entered, result: 'inactive', sessionStaffNo: '1001' })).toEqual({
      accepted: false,
      field: 'staffNo',
      message: 'staffPin.check.inactive'
    })
  })

  it('without a PIN, accepts only the 工号 switched to at this desk (the staff-switch fallback)', () => {
    expect(
      decideCredentials({ ...entered, enteredPin: '', result: 'noPin', sessionStaffNo: '1001' })
    ).toEqual({ accepted: true, via: 'session' })
    expect(
      decideCredentials({ ...entered, enteredStaffNo: ' 1001 ', result: 'noPin', sessionStaffNo: '1001' })
    ).toEqual({ accepted: true, via: 'session' })
    const refused = { accepted: false, field: 'pin', message: 'staffPin.check.noPin' }
    expect(decideCredentials({ ...entered, result: 'noPin', sessionStaffNo: '8001' })).toEqual(refused)
    expect(decideCredentials({ ...entered, result: 'noPin', sessionStaffNo: undefined })).toEqual(refused)
  })

  it('refuses while the 工号 is locked by five wrong PINs (issue 17: the handover goes through the lockout)', () => {
    expect(decideCredentials({ ...entered, result: 'locked', sessionStaffNo: '1001' })).toEqual({
      accepted: false,
      field: 'pin',
      message: 'staffPin.check.lockedNow'
    })
  })
})
