import type { DataContext } from './context'

// Per-PC preferences. Local (meta table), never synced: who sits at this PC and its UI language.

export const SESSION_STAFF_KEY = 'session.staffNo'
export const LOCALE_KEY = 'pref.locale'
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
