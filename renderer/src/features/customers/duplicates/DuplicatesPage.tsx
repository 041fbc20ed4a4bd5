/** 疑似重复 list (placeholder until merge lands). */
export function DuplicatesPage() {
  return null
}
