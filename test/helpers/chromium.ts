/**
 * Debian's Chromium for the browser tests, driven by playwright-core (no browser download). On a
 * developer's machine without it the browser suites are skipped; in CI (`CI` set) they never are:
 * launching then fails, and so does the run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.TENSORHOP_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless Chromium as root on a machine whose only network is loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** The `skip` option of a browser suite: a reason without Chromium, except in CI. */
export function skipWithoutChromium(): string | false {
  if (existsSync(CHROMIUM) || process.env.CI) return false;
  return `${CHROMIUM} is not installed (apt-get install chromium, or set TENSORHOP_CHROMIUM)`;
}

/** Launches Chromium, or fails saying why the suite cannot run. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing and CI is set: browser tests are never skipped in CI`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
