import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { decorativeIcons } from './scripts/decorativeIcons'

// The import aliases of tsconfig.base.json (paths), for every bundle.
const alias = {
  '@shared': resolve(__dirname, 'shared'),
  '@': resolve(__dirname, 'renderer/src')
}

// Folders follow docs/design.md §4: electron/ (main + preload), renderer/, shared/.
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } }
    }
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload can only require('electron'): bundle everything else into one file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', inlineDynamicImports: true }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    // Icons are decorative app-wide: accessible names are the labels, not "audit 投诉处理".
    plugins: [decorativeIcons(__dirname), react()],
    // The roster import's Web Worker is an ES module (it code-splits exceljs like the page does).
    worker: { format: 'es' },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified by default: a 4 MB start-up chunk that Chromium
      // must parse before 工作台 can show. Minified it is about a third of that (app ready, bench).
      // DESK_PROFILE_BUILD=1: unminified, so a CPU profile (BENCH_PROFILE) names the functions
      minify: process.env.DESK_PROFILE_BUILD ? false : 'esbuild',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } }
    }
  }
})
