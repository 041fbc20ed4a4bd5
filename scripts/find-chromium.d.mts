/**
 * Chromium for the e2e suite: $CHROMIUM_PATH (if it exists), else /usr/bin/chromium,
 * else Playwright's bundled browser if downloaded; null when none exists. Never throws.
 */
export function findChromium(): string | null

/** The one line printed when no Chromium is found (Chinese / English). */
export const NO_CHROMIUM_MESSAGE: string
