import { contextBridge, ipcRenderer } from 'electron'
// Only zod-free modules: a sandboxed preload can require nothing but 'electron'.
import type { DeskApi } from '@shared/ipc/contract'
import { deskChannel, deskMethods } from '@shared/ipc/methods'

// One named wrapper per method; ipcRenderer itself (or a generic invoke) is never exposed, so
// the page can reach exactly the channels main validates. Extra arguments are dropped.
const api = Object.fromEntries(
  deskMethods.map((method) => [method, (input: unknown) => ipcRenderer.invoke(deskChannel(method), input)])
) as DeskApi

contextBridge.exposeInMainWorld('desk', api)
