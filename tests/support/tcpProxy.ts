import { createServer, connect, type Server, type Socket } from 'node:net'

// A loopback TCP proxy in front of a real server, for NETWORK faults (not a mock: every byte that
// passes is the real server's). Armed faults count bytes from the moment they are armed, over every
// connection:
//   cutUp(n)   after n more bytes client → server, both sides of that connection are destroyed
//   cutDown(n) after n more bytes server → client, the same
//   holdUp(n)  after n more bytes client → server, nothing more is forwarded (either way) until
//              release(); `held` resolves when the hold engaged
//   stall()    nothing more is forwarded either way until release() (a server that stopped answering)

export interface TcpProxy {
  readonly port: number
  cutUp(bytes: number): void
  cutDown(bytes: number): void
  holdUp(bytes: number): Promise<void>
  stall(): void
  /** forwards what was held and passes everything again */
  release(): void
  /** destroys every open connection (a network blip) */
  dropAll(): void
  close(): Promise<void>
}

type Fault =
  | { kind: 'none' }
  | { kind: 'cutUp' | 'cutDown'; left: number }
  | { kind: 'holdUp'; left: number; engaged: () => void }
  | { kind: 'stall' }

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let fault: Fault = { kind: 'none' }
  let holding = false
  const waiting: (() => void)[] = []
  const open = new Set<Socket>()

  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    open.add(client)
    open.add(upstream)
    const kill = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', kill)
    upstream.on('error', kill)
    client.on('close', kill)
    upstream.on('close', kill)

    // once cut, nothing more crosses: the sockets close on the next turn, and data already arriving
    // meanwhile (the rest of a body) must not reach the other side as if the cut had not happened
    let cut = false
    const forward = (from: 'up' | 'down', data: Buffer): void => {
      if (cut) return
      const to = from === 'up' ? upstream : client
      const send = (chunk: Buffer) => {
        if (holding) waiting.push(() => to.write(chunk))
        else to.write(chunk)
      }
      if (fault.kind === 'stall') {
        holding = true
        send(data)
        return
      }
      if ((fault.kind === 'cutUp' && from === 'up') || (fault.kind === 'cutDown' && from === 'down')) {
        if (data.length >= fault.left) {
          to.write(data.subarray(0, fault.left))
          fault = { kind: 'none' }
          cut = true
          setImmediate(kill)
          return
        }
        fault.left -= data.length
      }
      if (fault.kind === 'holdUp' && from === 'up') {
        if (data.length >= fault.left) {
          to.write(data.subarray(0, fault.left))
          const rest = data.subarray(fault.left)
          const engaged = fault.engaged
          fault = { kind: 'none' }
          holding = true
          if (rest.length) waiting.push(() => to.write(rest))
          engaged()
          return
        }
        fault.left -= data.length
      }
      send(data)
    }
    client.on('data', (d: Buffer) => forward('up', d))
    upstream.on('data', (d: Buffer) => forward('down', d))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    port,
    cutUp: (bytes) => void (fault = { kind: 'cutUp', left: bytes }),
    cutDown: (bytes) => void (fault = { kind: 'cutDown', left: bytes }),
    holdUp: (bytes) =>
      new Promise<void>((engaged) => {
        fault = { kind: 'holdUp', left: bytes, engaged }
      }),
    stall: () => void (fault = { kind: 'stall' }),
    release() {
      fault = { kind: 'none' }
      holding = false
      for (const send of waiting.splice(0)) send()
    },
    dropAll() {
      for (const s of open) s.destroy()
      open.clear()
    },
    async close() {
      for (const s of open) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
