/**
 * A card per image: its thumbnail, then its top labels as bars with percentages, or its error in
 * words with the code and the stage that failed it, and what its upload cost.
 */
import { errorWords } from './error-words.js';
import { formatBytes, isPreviewable, percent, shortUrl } from './format.js';
import type { RowResult } from './labels.js';

/** One image the person gave: a file (with its object URL) or a URL. */
export type Item =
  { key: string; kind: 'file'; file: File; preview: string } | { key: string; kind: 'url'; url: string };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function thumbnail(item: Item, name: string): HTMLElement {
  const frame = el('div', 'thumb');
  const src = item.kind === 'file' ? item.preview : isPreviewable(item.url) ? item.url : undefined;
  const none = () => frame.replaceChildren(el('span', 'no-preview', 'no preview'));
  if (!src) {
    none();
    return frame;
  }
  const img = el('img');
  img.alt = `Image ${item.key}: ${name}`;
  img.decoding = 'async';
  // Other sites' images load straight from them: no referrer says which page asked.
  img.referrerPolicy = 'no-referrer';
  img.addEventListener('error', none, { once: true });
  img.src = src;
  frame.append(img);
  return frame;
}

/** A new card, waiting for its result. */
export function createCard(item: Item): HTMLLIElement {
  const card = el('li', 'card pending');
  card.dataset.key = item.key;
  const name = item.kind === 'file' ? item.file.name || 'photo' : shortUrl(item.url);
  const body = el('div', 'card-body');
  const title = el('h3', 'name', name);
  // The full URL stays reachable on hover and for screen readers; data: URLs are not text to read.
  if (item.kind === 'url' && !item.url.startsWith('data:')) title.title = item.url;
  const source =
    item.kind === 'file' ? `file, ${formatBytes(item.file.size)}` : 'URL, fetched by the downloader';
  body.append(title, el('p', 'source', source), el('p', 'outcome', 'Waiting…'));
  card.append(thumbnail(item, name), body);
  return card;
}

function labelList(result: Extract<RowResult, { ok: true }>, topK: number): HTMLOListElement {
  const list = el('ol', 'labels');
  list.setAttribute('aria-label', 'Labels, best first');
  result.classes.slice(0, topK).forEach((label, i) => {
    const score = result.scores[i] ?? 0;
    const li = el('li');
    const bar = el('span', 'bar');
    const fill = el('span', 'fill');
    fill.style.setProperty('width', percent(score));
    bar.append(fill);
    bar.setAttribute('aria-hidden', 'true');
    li.append(el('span', 'label', label), bar, el('span', 'pct', percent(score)));
    list.append(li);
  });
  return list;
}

function errorBlock(result: Extract<RowResult, { ok: false }>): HTMLElement {
  const box = el('div', 'error');
  const words = el('p', 'words', errorWords(result.code));
  const detail = el('p', 'detail');
  detail.append(el('code', 'code', result.code), ` at ${result.stage || 'unknown stage'}: `, result.message);
  box.append(words, detail);
  return box;
}

/** Fills `card` with its result; `upload` says what its bytes cost, when known. */
export function settleCard(card: HTMLElement, result: RowResult, topK: number, upload: string): void {
  card.classList.remove('pending');
  card.classList.add(result.ok ? 'ok' : 'failed');
  const outcome = card.querySelector('.outcome');
  const parts: HTMLElement[] = [result.ok ? labelList(result, topK) : errorBlock(result)];
  if (upload) parts.push(el('p', 'bytes', upload));
  outcome?.replaceWith(...parts);
}
