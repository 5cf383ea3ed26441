/**
 * What the web page's browser tests share: Chromium, a loopback origin of held-out digits (drawn
 * with sharp), and the real local stack (`tensorhop up`) with API keys on and the downloader's
 * SSRF guard opened for loopback only.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../test/helpers/chromium.js';
import { startDigitOrigin, type DigitOrigin } from '../../../test/helpers/digit-origin.js';
import { startStackProcess, type StackProcess } from '../../../test/helpers/stack-process.js';

/** The gateway's API key in these tests. */
export const KEY = 'web-page-test-key';

export interface WebFixture {
  browser: Browser;
  origin: DigitOrigin;
  stack: StackProcess;
  gateway: string;
  /** Closes all; resolves with the stack's exit code. */
  close(): Promise<number | null | undefined>;
}

/**
 * Starts it all, the stack's gateway on `port` (its stages on the next three ports), with `env`
 * added to the stack's environment.
 */
export async function startWebFixture(port: number, env: Record<string, string> = {}): Promise<WebFixture> {
  // Chromium first: without it (in CI) the suite fails before anything else is started.
  const browser = await launchChromium();
  const [origin, stack] = await Promise.all([
    startDigitOrigin(6),
    startStackProcess(port, {
      TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.0/8',
      TENSORHOP_DOWNLOADER_RETRIES: '0',
      TENSORHOP_GATEWAY_API_KEYS: KEY,
      ...env,
    }),
  ]);
  return {
    browser,
    origin,
    stack,
    gateway: stack.urls.gateway,
    close: async () => {
      await browser.close();
      const code = await stack.stop();
      await origin.close();
      return code;
    },
  };
}
