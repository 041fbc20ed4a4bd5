/** Lets the page breathe: the rest of the work waits behind whatever input, rendering and queries are
 *  queued (a large backup, a history chunk being checked), so the desk stays responsive. */
export const breathe = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0))
