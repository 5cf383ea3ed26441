/**
 * The gateway's pools, read from `GET /v1/status` every few seconds while the page is visible:
 * replicas ready and ejected, requests in flight, and recent throughput.
 */
import { gatewayStatus, type PoolStatus } from './api.js';

const EVERY_MS = 2000;

function cell(tr: HTMLTableRowElement, text: string, header = false): void {
  const td = document.createElement(header ? 'th' : 'td');
  if (header) td.scope = 'row';
  td.textContent = text;
  tr.append(td);
}

function row(pool: PoolStatus): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.pool = pool.name;
  const names = pool.replicas.map(
    (r) => `${r.url}: ${r.ready ? 'ready' : 'not ready'}${r.ejected ? ', ejected' : ''}`,
  );
  tr.title = names.join('\n');
  cell(tr, pool.name, true);
  cell(tr, `${pool.ready}/${pool.total}${pool.panic ? ' (panic)' : ''}`);
  cell(tr, String(pool.replicas.filter((r) => r.ejected).length));
  cell(tr, String(pool.inflight));
  cell(tr, pool.rps.toFixed(1));
  return tr;
}

/** Fills `table`'s body now and every few seconds; `note` tells when the status is unreachable. */
export function startPoolsPanel(table: HTMLTableElement, note: HTMLElement): void {
  const body = table.tBodies[0] ?? table.createTBody();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async (): Promise<void> => {
    clearTimeout(timer);
    const status = await gatewayStatus();
    if ('error' in status) {
      note.textContent = status.error;
    } else {
      body.replaceChildren(...status.pools.map(row));
      const window = status.windowSeconds;
      note.textContent = window ? `Requests per second over the last ${Math.round(window)} s.` : '';
    }
    if (!document.hidden) timer = setTimeout(() => void refresh(), EVERY_MS);
  };
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) void refresh();
  });
  void refresh();
}
