// The data layer's public face. Features import from here, never from ./database (lint-enforced).
export type { DataContext } from './context'
export { openDataLayer, setDeviceInfo } from './context'
export type { Stored, TimelineEvent, Customer, OutboxEntry } from './schema'
export * from './setup'
export * from './prefs'
export * from './drafts'
export * from './staff'
export * from './complaints'
