import { useSession } from './session'
import { useSync } from './syncStore'
import { useBackups } from './backupStore'

/** Start-up: the session (this PC, the data layer, language, who is at the desk), then sync when a
 *  share folder is set. Sync never blocks or fails the start-up: unsynced, this PC works on alone. */
export async function bootApp(): Promise<void> {
  await useSession.getState().boot()
  void useSync
    .getState()
    .start()
    .catch(() => undefined)
  // Automatic backups every few hours while the app runs (数据备份); never in the way of start-up.
  useBackups.getState().startSchedule()
  // Main calls this when the window is closing (electron/main/quitBackup.ts): a backup on quit.
  Object.defineProperty(window, 'deskBeforeQuit', {
    value: () =>
      useBackups
        .getState()
        .backupNow('quit')
        .then(
          (made) => made.verified,
          () => false
        ),
    configurable: true
  })
}
