import { useEffect, useState, type ReactNode } from 'react'
import { Button, Form, Input, Select, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData } from '@/app/session'
import { StaffPinRefusedError } from '@/db'
import { pinFormSchema } from '@shared/domain/pin'
import type { Staff } from '@shared/domain/staff'

// Becoming someone at this desk (issue 17 point 1), shared by 切换工号 and the 已锁定 screen: their PIN
// when they have one (through the lockout: checkPinGuarded); with "PIN for everyone" someone without
// one sets it here first (4–6 digits, twice); a 工号 locked by five wrong PINs can be unlocked by a
// 客服经理 with their own PIN (unlockPinWithManager) from the lock message.

type Step =
  | { kind: 'none' }
  | { kind: 'pin'; person: Staff }
  | { kind: 'setPin'; person: Staff }
  | { kind: 'manager'; person: Staff }

export interface BecomeStaff {
  /** asks what `person` needs, or checks what was typed for them; calls onBecome when done */
  confirm(person: Staff): Promise<void>
  /** the person whose PIN (or new PIN) is being asked, if any */
  asking: Staff | null
  /** the fields of the current step (PIN, new PIN twice, or the manager's unlock) */
  fields: ReactNode
  /** a 客服经理 is unlocking a locked 工号 (the step has its own button) */
  managing: boolean
}

const errorOf = (e: unknown) => (e instanceof StaffPinRefusedError ? e.message : null)

export function useBecomeStaff({
  onBecome,
  needsPin,
  startWith
}: {
  onBecome: (person: Staff) => Promise<void>
  /** false for whoever is at the desk already (staying oneself needs no PIN in 切换工号) */
  needsPin: (person: Staff) => boolean
  /** someone whose PIN (or new PIN) is asked for at once, without becoming anyone */
  startWith?: Staff | null
}): BecomeStaff {
  const { t } = useTranslation()
  const data = useData()
  const [step, setStep] = useState<Step>({ kind: 'none' })
  const [pin, setPin] = useState('')
  const [confirmPin, setConfirmPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [confirmError, setConfirmError] = useState<string | null>(null)
  const [lockedUntil, setLockedUntil] = useState<number | null>(null)
  const [managerNo, setManagerNo] = useState<string | undefined>(undefined)
  const [managerPin, setManagerPin] = useState('')
  const [managerError, setManagerError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const managers =
    useLiveQuery(
      async () => (await data.read.listStaff()).filter((s) => s.active && s.role === 'manager'),
      [data]
    ) ?? []

  useEffect(() => {
    if (!startWith) return
    let cancelled = false
    void data.read.switchNeeds(startWith.staffNo).then((needs) => {
      if (cancelled) return
      if (needs === 'pin') setStep({ kind: 'pin', person: startWith })
      else if (needs === 'setPin') setStep({ kind: 'setPin', person: startWith })
    })
    return () => {
      cancelled = true
    }
  }, [data, startWith])

  const start = (next: Step) => {
    setStep(next)
    setPin('')
    setConfirmPin('')
    setError(null)
    setConfirmError(null)
    setLockedUntil(null)
    setManagerPin('')
    setManagerError(null)
    setNotice(null)
  }

  const checkPin = async (person: Staff) => {
    const check = await data.write.checkPinGuarded(person.staffNo, pin)
    switch (check.outcome) {
      case 'ok':
      case 'noPin': // cleared meanwhile: as without a PIN
        return onBecome(person)
      case 'wrong':
        setError(
          pin.trim() === '' ? t('validation.required') : t('staffPin.check.wrongLeft', { left: check.left })
        )
        return
      case 'locked':
        setLockedUntil(check.until)
        setError(t('staffPin.check.locked', { time: dayjs(check.until).format('HH:mm') }))
        return
      case 'unknownStaff':
        setError(t('staffPin.check.unknownStaff'))
        return
      case 'inactive':
        setError(t('staffPin.check.inactive'))
    }
  }

  const setOwnPin = async (person: Staff) => {
    const parsed = pinFormSchema.safeParse({ pin, confirm: confirmPin })
    if (!parsed.success) {
      const first = parsed.error.issues.find((i) => i.path[0] === 'pin')
      const second = parsed.error.issues.find((i) => i.path[0] === 'confirm')
      setError(first ? t(first.message as 'validation.pin') : null)
      setConfirmError(!first && second ? t(second.message as 'validation.pinMismatch') : null)
      return
    }
    try {
      // as themselves: everyone may set their own PIN
      await data.write.setStaffPin(person.staffNo, person.staffNo, parsed.data.pin)
    } catch (e) {
      const key = errorOf(e)
      if (!key) throw e
      setError(t(key as 'staffPin.refused.notAllowed'))
      return
    }
    return onBecome(person)
  }

  const unlockAsManager = async (person: Staff) => {
    if (!managerNo) {
      setManagerError(t('staff.mustPick'))
      return
    }
    const outcome = await data.write.unlockPinWithManager(managerNo, managerPin, person.staffNo)
    if (outcome === 'ok') {
      start({ kind: 'pin', person })
      setNotice(t('deskLock.managerUnlocked', { staffNo: person.staffNo, name: person.name }))
      return
    }
    setManagerError(
      outcome === 'wrong'
        ? t('staffPin.check.wrong')
        : outcome === 'locked'
          ? t('deskLock.managerLocked')
          : t('deskLock.notManager')
    )
  }

  const confirm = async (person: Staff) => {
    const same = step.kind !== 'none' && step.person.staffNo === person.staffNo
    if (same && step.kind === 'pin') return checkPin(person)
    if (same && step.kind === 'setPin') return setOwnPin(person)
    if (same && step.kind === 'manager') return unlockAsManager(person)
    const needs = await data.read.switchNeeds(person.staffNo)
    if (needs === 'pin' && needsPin(person)) return start({ kind: 'pin', person })
    if (needs === 'setPin') return start({ kind: 'setPin', person })
    if (needs === 'unknownStaff') {
      start({ kind: 'none' })
      return
    }
    start({ kind: 'none' })
    return onBecome(person)
  }

  const submit = (person: Staff) => () => void confirm(person)
  let fields: ReactNode = null
  if (step.kind === 'pin') {
    const person = step.person
    fields = (
      <Form layout="vertical" component="div" style={{ marginTop: 12 }}>
        {notice && (
          <Typography.Paragraph type="success" data-testid="pin-notice">
            {notice}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph>
          {t('staffPin.switchPinHint', { staffNo: person.staffNo, name: person.name })}
        </Typography.Paragraph>
        <PinField
          id="switch-pin"
          label={t('staffPin.pin')}
          error={error}
          errorTestId="error-switchPin"
          value={pin}
          onChange={setPin}
          onEnter={submit(person)}
          autoFocus
        />
        {lockedUntil !== null && managers.length > 0 && (
          <Button onClick={() => start({ kind: 'manager', person })}>{t('deskLock.askManager')}</Button>
        )}
      </Form>
    )
  } else if (step.kind === 'setPin') {
    const person = step.person
    fields = (
      <Form layout="vertical" component="div" style={{ marginTop: 12 }}>
        <Typography.Paragraph>
          {t('deskLock.setPinHint', { staffNo: person.staffNo, name: person.name })}
        </Typography.Paragraph>
        <PinField
          id="switch-new-pin"
          label={t('staffPin.newPin')}
          error={error}
          errorTestId="error-switchNewPin"
          value={pin}
          onChange={setPin}
          onEnter={submit(person)}
          autoFocus
        />
        <PinField
          id="switch-confirm-pin"
          label={t('staffPin.confirmPin')}
          error={confirmError}
          errorTestId="error-switchConfirmPin"
          value={confirmPin}
          onChange={setConfirmPin}
          onEnter={submit(person)}
        />
      </Form>
    )
  } else if (step.kind === 'manager') {
    const person = step.person
    fields = (
      <Form layout="vertical" component="div" style={{ marginTop: 12 }}>
        <Typography.Paragraph>
          {t('deskLock.managerHint', { staffNo: person.staffNo, name: person.name })}
        </Typography.Paragraph>
        <Form.Item label={t('deskLock.managerNo')} htmlFor="unlock-manager">
          <Select
            id="unlock-manager"
            value={managerNo}
            onChange={(v: string) => setManagerNo(v)}
            options={managers.map((m) => ({ value: m.staffNo, label: `${m.staffNo} ${m.name}` }))}
          />
        </Form.Item>
        <PinField
          id="unlock-manager-pin"
          label={t('deskLock.managerPin')}
          error={managerError}
          errorTestId="error-managerPin"
          value={managerPin}
          onChange={setManagerPin}
          onEnter={submit(person)}
        />
        <Button type="primary" onClick={submit(person)}>
          {t('deskLock.unlockStaff')}
        </Button>
      </Form>
    )
  }
  return {
    confirm,
    asking: step.kind === 'none' ? null : step.person,
    fields,
    managing: step.kind === 'manager'
  }
}

/** A PIN box with its label and its refusal under it (digits only, never remembered by the browser). */
function PinField(props: {
  id: string
  label: string
  error: string | null
  errorTestId: string
  value: string
  onChange: (value: string) => void
  onEnter: () => void
  autoFocus?: boolean
}) {
  return (
    <Form.Item
      label={props.label}
      htmlFor={props.id}
      validateStatus={props.error ? 'error' : undefined}
      help={props.error ? <span data-testid={props.errorTestId}>{props.error}</span> : undefined}
    >
      <Input.Password
        id={props.id}
        autoFocus={props.autoFocus}
        inputMode="numeric"
        maxLength={6}
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onPressEnter={props.onEnter}
      />
    </Form.Item>
  )
}
