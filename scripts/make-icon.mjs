// Draws resources/icon.png (512×512): a rounded blue square with a white speech bubble.
// No dependencies: shapes are signed-distance functions sampled 4×4 per pixel, and the PNG
// is encoded by hand with node:zlib. Deterministic, so re-running it gives the same bytes.
// Usage: node scripts/make-icon.mjs [output.png]

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const SUB = 4 // 4×4 samples per pixel for smooth edges
const output = resolve(process.argv[2] ?? fileURLToPath(new URL('../resources/icon.png', import.meta.url)))

// --- shapes: signed distance (negative inside) ----------------------------------------------

function roundedRect(x, y, [x0, y0, x1, y1], r) {
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r)
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r)
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}

function circle(x, y, cx, cy, r) {
  return Math.hypot(x - cx, y - cy) - r
}

/** Inside test for a triangle (sign of the three edge functions). */
function inTriangle(x, y, [[ax, ay], [bx, by], [cx, cy]]) {
  const e1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax)
  const e2 = (cx - bx) * (y - by) - (cy - by) * (x - bx)
  const e3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx)
  return (e1 >= 0 && e2 >= 0 && e3 >= 0) || (e1 <= 0 && e2 <= 0 && e3 <= 0)
}

// --- the picture ------------------------------------------------------------------------------

const TILE = [16, 16, 496, 496] // background square, radius 104
const BUBBLE = [104, 128, 408, 344] // speech bubble body, radius 64
const TAIL = [
  [150, 320],
  [246, 320],
  [128, 418]
]
const DOTS = [184, 256, 328].map((cx) => [cx, 236, 24])

const TOP = [64, 150, 255] // gradient of the tile, top → bottom
const BOTTOM = [18, 92, 222]
const WHITE = [255, 255, 255]

/** Colour (or null = transparent) of one sample point. */
function sample(x, y) {
  if (roundedRect(x, y, TILE, 104) > 0) return null
  const t = (y - TILE[1]) / (TILE[3] - TILE[1])
  const blue = TOP.map((c, i) => c + (BOTTOM[i] - c) * t)
  const inBubble = roundedRect(x, y, BUBBLE, 64) <= 0 || inTriangle(x, y, TAIL)
  if (!inBubble) return blue
  if (DOTS.some(([cx, cy, r]) => circle(x, y, cx, cy, r) <= 0)) return blue
  return WHITE
}

// --- rasterise (RGBA, straight alpha) -----------------------------------------------------------

const rowBytes = SIZE * 4 + 1 // +1: PNG filter byte per scanline
const raw = Buffer.alloc(rowBytes * SIZE)
for (let py = 0; py < SIZE; py++) {
  raw[py * rowBytes] = 0 // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0
    let g = 0
    let b = 0
    let covered = 0
    for (let sy = 0; sy < SUB; sy++) {
      for (let sx = 0; sx < SUB; sx++) {
        const color = sample(px + (sx + 0.5) / SUB, py + (sy + 0.5) / SUB)
        if (!color) continue
        r += color[0]
        g += color[1]
        b += color[2]
        covered++
      }
    }
    const o = py * rowBytes + 1 + px * 4
    if (covered > 0) {
      raw[o] = Math.round(r / covered)
      raw[o + 1] = Math.round(g / covered)
      raw[o + 2] = Math.round(b / covered)
      raw[o + 3] = Math.round((255 * covered) / (SUB * SUB))
    }
  }
}

// --- PNG encoding ---------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const ihdr = Buffer.alloc(13)
ihdr.writeUInt32BE(SIZE, 0) // width
ihdr.writeUInt32BE(SIZE, 4) // height
ihdr[8] = 8 // bit depth
ihdr[9] = 6 // colour type: RGBA
ihdr[10] = 0 // compression
ihdr[11] = 0 // filter method
ihdr[12] = 0 // no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0))
])

mkdirSync(dirname(output), { recursive: true })
writeFileSync(output, png)
console.log(`wrote ${output} (${SIZE}×${SIZE}, ${png.length} bytes)`)
