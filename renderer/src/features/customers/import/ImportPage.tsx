/** 导入客户 (placeholder until the import wizard lands). */
export function ImportPage() {
  return null
}
