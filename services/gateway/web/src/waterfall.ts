/**
 * A waterfall of a batch's StageTiming trace: one row per hop, placed on a shared time axis (a
 * forwarding stage's bar spans the hops it waited for), with its rows and bytes in and out; and
 * what the page itself sent and received in the chosen mode, in all and per image.
 */
import type { StageTiming } from '@tensorhop/sdk';
import { formatBytes, formatMs } from './format.js';
import type { BatchResult } from './run-batch.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function hopRow(t: StageTiming, t0: number, span: number): HTMLLIElement {
  const li = el('li', 'hop');
  li.dataset.stage = t.stage;
  const head = el('div', 'hop-head');
  head.append(el('span', 'hop-stage', t.stage), el('span', 'hop-ms', formatMs(t.durationMs)));
  const track = el('div', 'track');
  track.setAttribute('aria-hidden', 'true');
  const bar = el('span', 'span');
  bar.style.setProperty('left', `${(100 * (t.startedAtMs - t0)) / span}%`);
  bar.style.setProperty('width', `${Math.max(0.5, (100 * t.durationMs) / span)}%`);
  track.append(bar);
  const facts = `rows ${t.rowsIn} → ${t.rowsOut} · bytes ${formatBytes(t.bytesIn)} → ${formatBytes(t.bytesOut)}`;
  const offset = t.startedAtMs - t0 > 0.05 ? ` · starts at +${formatMs(t.startedAtMs - t0)}` : '';
  li.append(head, track, el('p', 'hop-facts', facts + offset));
  if (t.instance) li.title = `instance ${t.instance}`;
  return li;
}

/** The section that shows one batch's timing and bytes. */
export function renderWaterfall(batch: BatchResult): HTMLElement {
  const count = batch.rows.size;
  const what =
    batch.kind === 'url' ? `${count} URL${count === 1 ? '' : 's'}` : `${count} file${count === 1 ? '' : 's'}`;
  const section = el('section', 'batch');
  section.dataset.kind = batch.kind;
  section.append(el('h3', undefined, `${what}, ${batch.mode} sequencing, ${formatMs(batch.ms)} in all`));
  const { sent, received, calls } = batch.tally;
  const per = count ? ` (${formatBytes(sent / count)} and ${formatBytes(received / count)} per image)` : '';
  const bytes = el(
    'p',
    'wire',
    `The page sent ${formatBytes(sent)} and received ${formatBytes(received)} in ${calls} call${calls === 1 ? '' : 's'}${per}.`,
  );
  bytes.dataset.sent = String(sent);
  bytes.dataset.received = String(received);
  section.append(bytes);
  const trace = [...batch.trace].sort((a, b) => a.startedAtMs - b.startedAtMs);
  if (trace.length === 0) {
    section.append(el('p', 'hop-facts', 'No stage reported its timing.'));
    return section;
  }
  const t0 = Math.min(...trace.map((t) => t.startedAtMs));
  const end = Math.max(...trace.map((t) => t.startedAtMs + t.durationMs));
  const list = el('ol', 'waterfall');
  list.setAttribute('aria-label', `Time per hop for the ${what}`);
  list.append(...trace.map((t) => hopRow(t, t0, Math.max(end - t0, 0.001))));
  section.append(list);
  return section;
}
