// eslint-disable-next-line no-restricted-imports -- builds databases as earlier schema versions left them
import Dexie from 'dexie'
// eslint-disable-next-line no-restricted-imports -- the earlier schemas themselves, for the same reason
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
  SCHEMA_V11,
  SCHEMA_V12,
  SCHEMA_V13,
  SCHEMA_V15,
  SCHEMA_V16
} from '@/db/schema'

// Every schema version the app has shipped, by number (7 and 14 were other slices' and never shipped).
const VERSIONS: [number, Record<string, string>][] = [
  [1, SCHEMA_V1],
  [2, SCHEMA_V2],
  [3, SCHEMA_V3],
  [4, SCHEMA_V4],
  [5, SCHEMA_V5],
  [6, SCHEMA_V6],
  [8, SCHEMA_V8],
  [9, SCHEMA_V9],
  [10, SCHEMA_V10],
  [11, SCHEMA_V11],
  [12, SCHEMA_V12],
  [13, SCHEMA_V13],
  [15, SCHEMA_V15],
  [16, SCHEMA_V16]
]

/** A plain Dexie database named `name` with the app's schema as version `version` left it (no upgrade
 *  code: the test writes what that version stored). */
export function databaseAsVersion(name: string, version: number): Dexie {
  const db = new Dexie(name)
  for (const [v, stores] of VERSIONS) if (v <= version) db.version(v).stores(stores)
  return db
}
