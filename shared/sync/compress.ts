// gzip for snapshot chunk bodies. A store's records are ~2 KB of JSON each, mostly repeated field
// names and HLC stamps, so 300 000 records are ~500 MB as text and a tenth of that gzipped: what a
// new PC has to pull over the shop's network. CompressionStream exists in Chromium and Node 18+.

/** Decompressed bodies larger than this are refused (a hostile or broken file must not exhaust memory). */
/** (Compression streams are typed with BufferSource input; ours is always a Uint8Array.) */
type Pipe = { writable: WritableStream<Uint8Array>; readable: ReadableStream<Uint8Array> }

export const MAX_INFLATED_BYTES = 256 * 1024 * 1024

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader()
  const parts: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > limit) {
      await reader.cancel()
      return null
    }
    parts.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes)
      controller.close()
    }
  })
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return (await collect(
    streamOf(bytes).pipeThrough(new CompressionStream('gzip') as unknown as Pipe),
    Number.MAX_SAFE_INTEGER
  )) as Uint8Array
}

/** The inflated bytes, or null when they are not gzip or would exceed `limit`. Never throws. */
export async function gunzip(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): Promise<Uint8Array | null> {
  try {
    return await collect(
      streamOf(bytes).pipeThrough(new DecompressionStream('gzip') as unknown as Pipe),
      limit
    )
  } catch {
    return null
  }
}
