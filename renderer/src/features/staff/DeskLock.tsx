import { useEffect, useRef, useState } from 'react'
import { App, Button, Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { latestActivity, lockAt, shouldLock } from '@shared/domain/desk/idleLock'
import { useData, useSession } from '@/app/session'
import { staffHasPin } from '@/db'
import { StaffPicker } from './SwitchStaffModal'
import { useBecomeStaff } from './useBecomeStaff'

// 已锁定 (issue 17 point 1). While locked the boot gate renders ONLY this screen: the router and every
// page, dialog and portal under it are unmounted, so no customer data stays in the DOM or the
// accessibility tree. The hash URL is kept, so unlocking returns to the same page; drafts are saved by
// their pages as they unmount and belong to their author (renderer/src/db/drafts.ts).
// Unlocking with one's own PIN goes on as before; with another person's it is a staff switch.
// Someone without a PIN (and no "PIN for everyone"): 已锁定 is still shown, and 解锁 for a 工号 without a
// PIN goes on at once — as 切换工号 does for them (docs/security.md §5).

/** The one key that locks the desk, shown on the header's 锁定 button. */
export const LOCK_KEY = 'F9'

/** Watches activity and the 锁定 key while the desk is open (mounted by the boot gate). */
export function useDeskLockWatch(enabled: boolean): void {
  const data = useData()
  const settings = useLiveQuery(() => data.read.getDeskLockSettings(), [data])
  const idleMinutes = settings?.idleMinutes
  const last = useRef(0)

  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== LOCK_KEY || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return
      e.preventDefault()
      void useSession.getState().lock()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [enabled])

  useEffect(() => {
    if (!enabled || idleMinutes === undefined) return
    last.current = Date.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    const arm = () => {
      clearTimeout(timer)
      const at = lockAt(last.current, idleMinutes)
      if (at === null) return
      timer = setTimeout(
        () => {
          if (shouldLock(last.current, Date.now(), idleMinutes)) void useSession.getState().lock()
          else arm()
        },
        Math.max(0, at - Date.now())
      )
    }
    // activity only moves the instant; the one timer re-arms itself when it fires early
    const seen = () => {
      last.current = latestActivity(last.current, Date.now())
    }
    const events = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
    for (const name of events) window.addEventListener(name, seen, { capture: true, passive: true })
    arm()
    return () => {
      clearTimeout(timer)
      for (const name of events) window.removeEventListener(name, seen, { capture: true })
    }
  }, [enabled, idleMinutes])
}

/** The 锁定 button of the header: the key shown beside the word, the accessible name 锁定. */
export function LockButton() {
  const { t } = useTranslation()
  return (
    <Button aria-keyshortcuts={LOCK_KEY} onClick={() => void useSession.getState().lock()}>
      {t('deskLock.lock')}
      <Typography.Text keyboard aria-hidden style={{ marginInlineStart: 4 }}>
        {t('deskLock.lockKey')}
      </Typography.Text>
    </Button>
  )
}

export function LockScreen() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const current = useSession((s) => s.staff)
  const loaded = useLiveQuery(() => data.read.listStaff(), [data])
  const staff = loaded ?? []
  const [picked, setPicked] = useState<string | undefined>(current?.staffNo)
  const become = useBecomeStaff({
    // on the lock screen even the person who locked it gives their PIN, asked for at once
    needsPin: () => true,
    startWith: current,
    onBecome: async (person) => {
      const switched = person.staffNo !== useSession.getState().staff?.staffNo
      await useSession.getState().unlock(person)
      if (switched) message.success(t('staff.switched', { staffNo: person.staffNo, name: person.name }))
    }
  })
  const pickedPerson = staff.find((s) => s.staffNo === picked && s.active)

  const unlock = async (staffNo = picked) => {
    // 解锁 may be pressed before the staff list has been read (the screen shows at once): read it then
    const list = loaded ?? (await data.read.listStaff())
    const person = list.find((s) => s.staffNo === staffNo && s.active)
    if (!person) {
      message.warning(t('staff.mustPick'))
      return
    }
    await become.confirm(person)
  }

  return (
    <main
      style={{
        height: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f5f5f5'
      }}
    >
      <Card style={{ width: 440 }} data-testid="lock-screen">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('deskLock.locked')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('deskLock.lockedHint')}</Typography.Paragraph>
        {current && (
          <Typography.Paragraph>
            {t('deskLock.who', { staffNo: current.staffNo, name: current.name })}
          </Typography.Paragraph>
        )}
        <StaffPicker
          id="lock-staff"
          staff={staff}
          value={picked}
          onChange={(value) => {
            setPicked(value)
            void unlock(value)
          }}
        />
        {become.asking?.staffNo === picked ? (
          become.fields
        ) : pickedPerson && !staffHasPin(pickedPerson) ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('deskLock.noPinHint')}
          </Typography.Paragraph>
        ) : null}
        {!become.managing && (
          <Button type="primary" block style={{ marginTop: 12 }} onClick={() => void unlock()}>
            {t('deskLock.unlock')}
          </Button>
        )}
      </Card>
    </main>
  )
}
