// The main process's only user-facing strings (application menu, About box), per locale.
// The renderer's catalogues live in renderer/src/i18n; main has no access to them at start-up.

const zhCN = {
  file: '文件',
  quit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图',
  reload: '重新加载',
  devTools: '开发者工具',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  help: '帮助',
  about: '关于',
  version: '版本 {version}',
  ok: '确定',
  appTitle: '门店客服台',
  startFailed: '启动失败：{reason}',
  pickShareFolder: '选择共享文件夹',
  pickBackupFolder: '选择第二备份位置',
  pickBackupFile: '选择备份文件',
  backupFileKind: '门店客服台备份',
  saveDiagnostics: '导出诊断信息'
}

export type MainText = Record<keyof typeof zhCN, string>

export const mainText: Record<'zh-CN' | 'en', MainText> = {
  'zh-CN': zhCN,
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    help: 'Help',
    about: 'About',
    version: 'Version {version}',
    ok: 'OK',
    appTitle: 'Service Desk',
    startFailed: 'Could not start: {reason}',
    pickShareFolder: 'Choose the share folder',
    pickBackupFolder: 'Choose a second backup folder',
    pickBackupFile: 'Choose a backup file',
    backupFileKind: 'Service desk backup',
    saveDiagnostics: 'Export diagnostics'
  }
}

/** Chinese unless the OS is set to another language: the store's staff read Chinese. */
export function mainTextFor(osLocale: string): MainText {
  return osLocale.toLowerCase().startsWith('zh') || !osLocale ? mainText['zh-CN'] : mainText.en
}
