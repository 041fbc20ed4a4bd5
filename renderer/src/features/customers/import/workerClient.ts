import type { WorkerRequest, WorkerResponse, WorkerResults } from './workerProtocol'

// A promise per request to the import worker. One worker per import page (it holds the parsed
// roster) or per export; terminate() when done.

export class ImportWorker {
  private readonly worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' })
  private next = 1
  private readonly waiting = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>()

  constructor() {
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const { id } = event.data
      const call = this.waiting.get(id)
      if (!call) return
      this.waiting.delete(id)
      if (event.data.ok) call.resolve(event.data.result as never)
      else call.reject(new Error(event.data.error))
    }
    // A worker that fails to load or crashes answers nothing: fail every call waiting on it.
    this.worker.onerror = (event) => {
      event.preventDefault()
      this.failAll(new Error(event.message || 'import worker failed'))
    }
  }

  call<K extends WorkerRequest['kind']>(
    request: Extract<WorkerRequest, { kind: K }>,
    transfer: Transferable[] = []
  ): Promise<WorkerResults[K]> {
    const id = this.next++
    return new Promise<WorkerResults[K]>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: never) => void, reject })
      this.worker.postMessage({ id, request }, transfer)
    })
  }

  terminate(): void {
    this.worker.terminate()
    this.failAll(new Error('import worker stopped'))
  }

  private failAll(error: Error): void {
    for (const call of this.waiting.values()) call.reject(error)
    this.waiting.clear()
  }
}
