import type { DataContext } from './context'

// Per-PC preferences. Local (meta table), never synced: who sits at this PC and its UI language.

export const SESSION_STAFF_KEY = 'session.staffNo'
export const LOCALE_KEY = 'pref.locale'
/** 已锁定 (issue 17 point 1): kept so closing and reopening the app does not unlock the desk */
export const DESK_LOCKED_KEY = 'session.locked'
export type Locale = 'zh-CN' | 'en'

export async function getPref<T>(ctx: DataContext, key: string): Promise<T | undefined> {
  return (await ctx.db.meta.get(key))?.value as T | undefined
}

export async function setSessionStaff(ctx: DataContext, staffNo: string): Promise<void> {
  await ctx.db.meta.put({ key: SESSION_STAFF_KEY, value: staffNo })
}

export async function setLocale(ctx: DataContext, locale: Locale): Promise<void> {
  await ctx.db.meta.put({ key: LOCALE_KEY, value: locale })
}

/** The UI language chosen on this PC, if any. */
export async function getLocalePref(ctx: DataContext): Promise<Locale | undefined> {
  return getPref<Locale>(ctx, LOCALE_KEY)
}

/** The 工号 of whoever was at the desk when the app last ran. */
export async function getSessionStaffNo(ctx: DataContext): Promise<string | undefined> {
  return getPref<string>(ctx, SESSION_STAFF_KEY)
}

export async function setDeskLocked(ctx: DataContext, locked: boolean): Promise<void> {
  await ctx.db.meta.put({ key: DESK_LOCKED_KEY, value: locked })
}

/** Whether the desk was 已锁定 when the app last ran. */
export async function getDeskLocked(ctx: DataContext): Promise<boolean> {
  return (await getPref<boolean>(ctx, DESK_LOCKED_KEY)) === true
}
