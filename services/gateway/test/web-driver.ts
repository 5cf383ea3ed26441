/**
 * Drives the gateway's web page in Chromium as a person on a phone would (390×844) and reads back
 * what it shows: the cards, the waterfalls, the pools. Also counts the request bodies the browser
 * really sent to the gateway's pool routes, to check the page's own numbers and its uploads.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const ARTIFACTS = new URL('../../../test-artifacts/web-page/', import.meta.url);

export interface Opened {
  page: Page;
  /** Uncaught errors and console errors of the page. */
  problems: string[];
  /** POST bodies the browser sent, by pool route path (e.g. `/v1/preprocessor`). */
  posts: { path: string; bytes: number }[];
}

/** A new phone-sized page at `url`, with the API key typed once the page asks for it. */
export async function openPage(browser: Browser, url: string, apiKey: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const opened: Opened = { page, problems: [], posts: [] };
  page.on('pageerror', (e) => opened.problems.push(e.message));
  // A 4xx/5xx the page shows as a card is still logged by Chromium as a failed load.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      opened.problems.push(m.text());
  });
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'POST' && path.startsWith('/v1/')) {
      opened.posts.push({ path, bytes: r.postDataBuffer()?.byteLength ?? 0 });
    }
  });
  await page.goto(`${url}/`);
  // The gateway has keys on: the metadata call gets 401 and the page shows its key field.
  await page.waitForSelector('#key-row:not([hidden])', { timeout: 15_000 });
  await page.fill('#apikey', apiKey);
  await page.press('#apikey', 'Tab');
  await page.waitForSelector('#model option[value="mnist"]', { state: 'attached' });
  return opened;
}

export interface Run {
  files?: { name: string; mimeType: string; buffer: Buffer }[];
  urls?: string[];
  mode?: 'client' | 'server' | 'hybrid';
  downscale?: boolean;
}

/** Gives the page its images and presses Classify; resolves when the page says it is done. */
export async function classify({ page, posts }: Opened, run: Run): Promise<void> {
  posts.length = 0;
  // Files picked for an earlier run stay listed until removed: take them out first.
  while ((await page.locator('#picked button.remove').count()) > 0) await page.click('#picked button.remove');
  if (run.files?.length) await page.setInputFiles('#files', run.files);
  assert.equal(await page.locator('#picked li').count(), run.files?.length ?? 0);
  await page.fill('#urls', (run.urls ?? []).join('\n'));
  await page.selectOption('#mode', run.mode ?? 'hybrid');
  await page.setChecked('#downscale', run.downscale ?? true);
  await page.click('#go');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Done'), null, {
    timeout: 60_000,
  });
}

export interface CardView {
  key: string;
  name: string;
  title: string;
  /** The thumbnail's src, and whether it loaded (undefined when the card shows "no preview"). */
  thumb?: { src: string; loaded: boolean };
  labels: { label: string; pct: string }[];
  error?: { words: string; code: string; detail: string };
  bytes: string;
}

export function readCards(page: Page): Promise<CardView[]> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.$$eval('#cards > li', (cards) =>
    cards.map((card) => {
      const img = card.querySelector('img');
      const error = card.querySelector('.error');
      return {
        key: (card as HTMLElement).dataset.key ?? '',
        name: card.querySelector('.name')?.textContent ?? '',
        title: card.querySelector('.name')?.getAttribute('title') ?? '',
        ...(img
          ? { thumb: { src: img.getAttribute('src') ?? '', loaded: img.complete && img.naturalWidth > 0 } }
          : {}),
        labels: Array.from(card.querySelectorAll('.labels li'), (li) => ({
          label: li.querySelector('.label')?.textContent ?? '',
          pct: li.querySelector('.pct')?.textContent ?? '',
        })),
        ...(error
          ? {
              error: {
                words: error.querySelector('.words')?.textContent ?? '',
                code: error.querySelector('.code')?.textContent ?? '',
                detail: error.querySelector('.detail')?.textContent ?? '',
              },
            }
          : {}),
        bytes: card.querySelector('.bytes')?.textContent ?? '',
      };
    }),
  );
}

export interface BatchView {
  kind: string;
  heading: string;
  sent: number;
  received: number;
  hops: { stage: string; facts: string; left: number; width: number }[];
}

export function readBatches(page: Page): Promise<BatchView[]> {
  return page.$$eval('#batches > section', (sections) =>
    sections.map((s) => {
      const wire = s.querySelector('.wire') as HTMLElement | null;
      return {
        kind: (s as HTMLElement).dataset.kind ?? '',
        heading: s.querySelector('h3')?.textContent ?? '',
        sent: Number(wire?.dataset.sent),
        received: Number(wire?.dataset.received),
        hops: Array.from(s.querySelectorAll('.hop'), (li) => {
          const bar = li.querySelector('.span') as HTMLElement;
          return {
            stage: (li as HTMLElement).dataset.stage ?? '',
            facts: li.querySelector('.hop-facts')?.textContent ?? '',
            left: parseFloat(bar.style.left),
            width: parseFloat(bar.style.width),
          };
        }),
      };
    }),
  );
}

/** Violations of impact serious or critical found by axe-core in the page as it is. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves a full-page screenshot under test-artifacts/web-page/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
}
