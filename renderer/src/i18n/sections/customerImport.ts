// customerImport texts (zh-CN and en side by side).
export const customerImportZh = {
  title: ''
}

export const customerImportEn: typeof customerImportZh = {
  title: ''
}
