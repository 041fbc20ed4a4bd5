const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Hands the bytes to the browser (Electron: the save dialog) as a file called `name`. */
export function downloadXlsx(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  // The download has taken its copy by then; the URL is only freed later to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
