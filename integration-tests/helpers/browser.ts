import { chromium, type Browser } from "playwright-core"

/** Debian's Chromium (installed by .ci/run), driven by playwright-core: no browser downloads. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox", "--disable-dev-shm-usage"] })
}
