// ESLint flat config for 门店客服台 (Service Desk).
//
// Besides the usual recommended rules, this file enforces the architecture of docs/design.md §4.
// Those rules are errors, so `npm run lint` (and therefore `npm test`) fails when one is broken:
//   a. shared/** and electron/services/** never import 'electron';
//   b. renderer/** and shared/** never import Node built-ins ('fs', 'node:fs', 'fs/promises', ...);
//   c. only renderer/src/db/** imports 'dexie' or the database module (db/database, db/schema*).
//      Everything else goes through renderer/src/db/index.ts ('../db', '@/db').
//      'dexie-react-hooks' (read-only live queries) stays allowed everywhere.
//   d. inside renderer/src/db, complaints are read through db/complaintReads.ts (or the list's queries)
//      and timeline events through db/timelineReads.ts.
//
// Flat config does not merge the options of one rule across config objects: the last object
// that matches a file wins. So every folder below gets ONE `no-restricted-imports` entry that
// lists all the restrictions that apply to it (see `restrict(...)`). The same holds for d and e,
// both `no-restricted-syntax`: each file of the data layer gets one entry with all of its selectors
// (see `historyAndCustomerRules`).

import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { defineConfig, globalIgnores } from 'eslint/config'

// ---------------------------------------------------------------------------------------------
// Architecture restrictions (docs/design.md §4), as `no-restricted-imports` pattern groups.
// Each import can match at most one group, so a bad import is reported exactly once.

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** a. The Electron API belongs to electron/main and electron/preload only. */
const NO_ELECTRON = {
  regex: '^electron(/.*)?$',
  message:
    "'electron' is only available in electron/main and electron/preload. shared/ is pure TypeScript and " +
    'electron/services is plain Node, so both also run in tests without Electron (docs/design.md §4).'
}

/**
 * b. Node built-ins: every name in node:module's builtinModules ('fs', 'fs/promises', 'path/posix', ...),
 * in bare and 'node:' form, plus any subpath of them and anything else with the 'node:' scheme
 * (node:test, node:sqlite, ... are not listed in builtinModules).
 */
const builtinRoots = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '').split('/')[0]))]
const NO_NODE_BUILTINS = {
  regex: `^(node:.+|(${builtinRoots.map(escapeRegex).join('|')})(/.*)?)$`,
  caseSensitive: true,
  message:
    'Node built-ins are not available here: the renderer is a sandboxed browser page and shared/ must stay ' +
    'pure. File and OS access goes through window.desk (shared/ipc/contract.ts) to electron/services.'
}

/** c1. Dexie itself ('dexie', 'dexie/...'); 'dexie-react-hooks' does not match. */
const NO_DEXIE = {
  regex: '^dexie(/.*)?$',
  message:
    "Only renderer/src/db may import 'dexie': it is the single writer that stamps every change for sync. " +
    "Import what you need from renderer/src/db/index.ts ('../db' or '@/db'); use 'dexie-react-hooks' for live queries."
}

/** c2. The database module and its schema: '**\/db/database', '**\/db/database.ts', '**\/db/schema*'. */
const NO_DATABASE_MODULE = {
  regex: '(^|/)db/(database(\\.[cm]?[jt]sx?)?|schema[^/]*)$',
  message:
    'The database module is private to renderer/src/db: a write that bypasses the data layer never reaches ' +
    "the other PCs. Import from renderer/src/db/index.ts ('../db' or '@/db') instead."
}

/** c3. The data layer's inner modules ('@/db/complaints', '../db/sync/loop', …) from the rest of the
 *  renderer: features reach data through the handle of '@/db' (data.read / data.write, db/api.ts).
 *  The database and schema modules are c2's; the entry point itself ('@/db', '../db/index') is fine. */
const NO_DB_INTERNALS = {
  regex:
    '^(@/|(\\.{1,2}/)+(.*/)?)db/(?!(database(\\.[cm]?[jt]sx?)?|schema[^/]*|index(\\.[cm]?[jt]sx?)?)$).+$',
  message:
    "Outside renderer/src/db, import the data layer from '@/db' only: features read and write through " +
    "data.read / data.write (renderer/src/db/api.ts); the modules behind it are the data layer's own."
}

/** One `no-restricted-imports` entry made of the given pattern groups. */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })

const DB_LAYER = 'renderer/src/db/**'

/** d. Inside the data layer, complaints are read through renderer/src/db/complaintReads.ts and timeline
 *  events through timelineReads.ts: settled history is to be stored another way (issue 18, fewer larger
 *  records), and every read must learn it in one place. Exempt: the readers themselves, the list's
 *  queries, upkeep that scans or rewrites complaint rows (tallies, day rows, clock pauses) and the
 *  schema's migrations. */
const HISTORY_READERS = [
  'renderer/src/db/complaintReads.ts',
  'renderer/src/db/timelineReads.ts',
  'renderer/src/db/complaintQuery.ts',
  'renderer/src/db/complaintPauses.ts',
  'renderer/src/db/complaintDays.ts',
  'renderer/src/db/tallies.ts',
  'renderer/src/db/packedHistory.ts',
  'renderer/src/db/database.ts'
]
/** The only modules that read or write the packs of settled history (issue 18) themselves. */
const PACK_KEEPERS = ['renderer/src/db/packedHistory.ts', 'renderer/src/db/database.ts']
/** The selectors of a direct read of `table`: from a db, from ctx.db, by destructuring, by name. */
const tableReads = (table, message) =>
  [
    `MemberExpression[property.name="${table}"][object.name="db"]`,
    `MemberExpression[property.name="${table}"][object.property.name="db"]`,
    `VariableDeclarator[init.name="db"] > ObjectPattern > Property[key.name="${table}"]`,
    `VariableDeclarator[init.property.name="db"] > ObjectPattern > Property[key.name="${table}"]`,
    `CallExpression[callee.property.name="table"][arguments.0.value="${table}"]`
  ].map((selector) => ({ selector, message }))
const NO_HISTORY_TABLES = [
  ...tableReads(
    'complaints',
    'Read complaints through renderer/src/db/complaintReads.ts (or the list, complaintQuery.ts): ' +
      'settled history may be stored in packs (packedHistory.ts), and those modules read both.'
  ),
  ...tableReads(
    'events',
    'Read timeline events through renderer/src/db/timelineReads.ts: the events of settled complaints ' +
      'may be stored with them in packs, and that module reads both.'
  )
]
const NO_PACKS = tableReads(
  'complaintPacks',
  'Only renderer/src/db/packedHistory.ts reads and writes complaint packs: a complaint is a row or in one ' +
    'pack, and every write to a packed one must first move it back to a row (unpackComplaints).'
)

/** e. Inside the data layer, customers are read through renderer/src/db/customerReads.ts: a joining PC
 *  stores the archive another way too (issue 18, archive packs: packedCustomers.ts, the search keys held
 *  by the app), and every read learns it in one place. Writes go through the writer (WriteTx), which may write the
 *  table itself. Exempt, each for a reason:
 *   - customerReads.ts: the reader;
 *   - database.ts: the schema's migrations rewrite every row (v3's profile defaults and search keys);
 *   - writer.ts: the single writer stores and reads back the rows it writes, of every table;
 *   - tallies.ts: its rebuild counts every customer by tier, as it counts complaints (upkeep);
 *   - packedCustomers.ts: the packs' keeper moves a packed customer into the table before a write. */
const CUSTOMER_READERS = [
  'renderer/src/db/customerReads.ts',
  'renderer/src/db/database.ts',
  'renderer/src/db/writer.ts',
  'renderer/src/db/tallies.ts',
  'renderer/src/db/packedCustomers.ts'
]
/** The only modules that read or write the customer packs (issue 18, archive packs) themselves. */
const CUSTOMER_PACK_KEEPERS = ['renderer/src/db/packedCustomers.ts', 'renderer/src/db/database.ts']
const NO_CUSTOMER_PACKS = tableReads(
  'customerPacks',
  'Only renderer/src/db/packedCustomers.ts reads and writes customer packs: a customer is a row or in one ' +
    'pack, and every write to a packed one must first move it back to a row (unpackCustomers).'
)
const NO_CUSTOMER_TABLE = tableReads(
  'customers',
  'Read customers through renderer/src/db/customerReads.ts: the archive may be stored another way ' +
    '(issue 18, packs), and that module is where every read learns it. Writes go through the writer (WriteTx).'
)

/** d + e as `no-restricted-syntax` entries for the data layer. A later entry replaces an earlier one for
 *  the same file, so the files exempt from some of the selectors each get one entry of their own with
 *  the rest, and the folder's entry leaves them out. */
const historyAndCustomerRules = () => {
  const exempt = [
    ...new Set([...HISTORY_READERS, ...PACK_KEEPERS, ...CUSTOMER_READERS, ...CUSTOMER_PACK_KEEPERS])
  ]
  const selectorsFor = (file) => [
    ...(HISTORY_READERS.includes(file) ? [] : NO_HISTORY_TABLES),
    ...(PACK_KEEPERS.includes(file) ? [] : NO_PACKS),
    ...(CUSTOMER_READERS.includes(file) ? [] : NO_CUSTOMER_TABLE),
    ...(CUSTOMER_PACK_KEEPERS.includes(file) ? [] : NO_CUSTOMER_PACKS)
  ]
  const entry = (selectors) => ({
    'no-restricted-syntax': selectors.length > 0 ? ['error', ...selectors] : 'off'
  })
  return [
    {
      files: [DB_LAYER],
      ignores: exempt,
      rules: entry([...NO_HISTORY_TABLES, ...NO_PACKS, ...NO_CUSTOMER_TABLE, ...NO_CUSTOMER_PACKS])
    },
    ...exempt.map((file) => ({ files: [file], rules: entry(selectorsFor(file)) }))
  ]
}

// ---------------------------------------------------------------------------------------------

export default defineConfig([
  globalIgnores(['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/']),

  // JavaScript (build scripts, config files): recommended rules, Node globals.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }
      ]
    }
  },

  // TypeScript everywhere: typescript-eslint recommended (not type-aware, for speed).
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_'
        }
      ]
    }
  },

  // Renderer: browser globals; React hooks rules on components.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser }
  },
  {
    files: ['renderer/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended]
  },

  // --- Architecture (docs/design.md §4). Later entries win for the same file, so order matters. ---

  // c. Everywhere (main, preload, services, tests, scripts, ...): no Dexie, no database module.
  { files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'], rules: restrict(NO_DEXIE, NO_DATABASE_MODULE) },

  // a. electron/services is plain Node: no Electron (Node built-ins are fine; Dexie is not).
  { files: ['electron/services/**'], rules: restrict(NO_ELECTRON, NO_DEXIE, NO_DATABASE_MODULE) },

  // a + b. shared/ is pure TypeScript: no Electron, no Node built-ins (and no Dexie).
  { files: ['shared/**'], rules: restrict(NO_ELECTRON, NO_NODE_BUILTINS, NO_DEXIE, NO_DATABASE_MODULE) },

  // b + c. Renderer outside the data layer: no Node built-ins, no Dexie, no database module.
  {
    files: ['renderer/**'],
    ignores: [DB_LAYER],
    rules: restrict(NO_NODE_BUILTINS, NO_DEXIE, NO_DATABASE_MODULE, NO_DB_INTERNALS)
  },

  // b. The data layer itself may use Dexie and its own database module, but still no Node built-ins.
  { files: [DB_LAYER], rules: restrict(NO_NODE_BUILTINS) },

  // d. The data layer reads complaints and timeline events through their readers, and only the pack
  //    keeper touches the packs (the readers go through it too);
  // e. it reads customers through their reader.
  ...historyAndCustomerRules()
])
