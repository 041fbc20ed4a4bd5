import { resolve } from 'node:path'
import type { Plugin } from 'vite'

const ICON_FILE = /[\\/]@ant-design[\\/]icons[\\/]es[\\/]icons[\\/][^\\/]+\.js$/
const BASES: Record<string, string> = {
  '../components/AntdIconLight': 'AntdIconLight.tsx',
  '../components/AntdIcon': 'AntdIcon.tsx'
}

/** Where an import of an icon file resolves instead, or null to leave it alone. */
export function decorativeBase(root: string, source: string, importer: string | undefined): string | null {
  const base = BASES[source]
  if (!base || !importer || !ICON_FILE.test(importer)) return null
  return resolve(root, 'renderer/src/ui/icons', base)
}

/** Every antd icon (ours and the ones antd draws inside its components) renders through one of two
 *  base components in @ant-design/icons, which label the icon with its English name (role="img"
 *  aria-label="audit"). This plugin resolves those two imports, from the icon files only, to
 *  renderer/src/ui/icons, whose versions are decorative (aria-hidden): one app-wide switch instead of
 *  a prop on every icon. The build goes through resolveId; `npm run dev` pre-bundles dependencies
 *  with esbuild, hence the same rule as an esbuild plugin (optimizeDeps). */
export function decorativeIcons(root: string): Plugin {
  return {
    name: 'decorative-icons',
    enforce: 'pre',
    resolveId: (source, importer) => decorativeBase(root, source, importer),
    config: () => ({
      optimizeDeps: {
        esbuildOptions: {
          plugins: [
            {
              name: 'decorative-icons',
              setup(build) {
                build.onResolve({ filter: /^\.\.\/components\/AntdIcon(Light)?$/ }, (args) => {
                  const path = decorativeBase(root, args.path, args.importer)
                  return path ? { path } : undefined
                })
              }
            }
          ]
        }
      }
    })
  }
}
