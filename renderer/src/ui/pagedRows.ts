import { useCallback, useRef, useState } from 'react'
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'

// Long lists (200 000 complaints, 100 000 customers) read one page of rows at a time around what is
// visible. The page range is state the data query depends on; the virtualizer moves it on scroll.

export interface PageRange {
  start: number
  end: number
}

/** The rows to read: whole pages covering what the virtualizer shows. */
export function usePageRange(page: number) {
  const [range, setRange] = useState<PageRange>({ start: 0, end: page })
  const follow = useCallback(
    (v: Virtualizer<HTMLDivElement, Element>) => {
      const items = v.getVirtualItems()
      const start = Math.floor((items[0]?.index ?? 0) / page) * page
      const end = (Math.floor((items.at(-1)?.index ?? 0) / page) + 1) * page
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }))
    },
    [page]
  )
  return { range, follow }
}

/** A virtualizer of fixed-height rows in a scrolling div (ref returned). */
export function useRowVirtualizer(
  count: number,
  rowHeight: number,
  follow: (v: Virtualizer<HTMLDivElement, Element>) => void
) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    onChange: follow
  })
  return { scroller, virtualizer }
}
