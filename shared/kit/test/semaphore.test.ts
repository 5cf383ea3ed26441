/** The one semaphore (downloader host limits, preprocessor decode gate). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Semaphore } from '@tensorhop/kit';

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, in FIFO order', async () => {
    const gate = new Semaphore(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (id: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      order.push(id);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      return id;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((id) => gate.run(task(id))));
    assert.deepEqual(results, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5]);
    assert.equal(peak, 2);
    assert.equal(gate.active, 0);
  });

  it('drops aborted waiters and releases the slot after a failing task', async () => {
    const gate = new Semaphore(1);
    let release!: () => void;
    const blocker = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiter = gate.run(async () => 'never', controller.signal);
    assert.equal(gate.waiting, 1);
    controller.abort(new Error('stop'));
    await assert.rejects(waiter, /stop/);
    assert.equal(gate.waiting, 0);
    release();
    await blocker;
    await assert.rejects(
      gate.run(() => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await gate.run(async () => 'free again'), 'free again');
    assert.equal(gate.active, 0);
  });
});

describe('Semaphore without tasks', () => {
  it('tryAcquire takes only free slots; release hands the slot to the first waiter', async () => {
    const gate = new Semaphore(1);
    assert.equal(gate.tryAcquire(), true);
    assert.equal(gate.tryAcquire(), false);
    const order: string[] = [];
    const first = gate.acquire().then(() => order.push('first'));
    const second = gate.acquire().then(() => order.push('second'));
    gate.release();
    await first;
    assert.equal(gate.tryAcquire(), false, 'the slot went to the waiter, not to a newcomer');
    gate.release();
    await second;
    assert.deepEqual(order, ['first', 'second']);
    gate.release();
    assert.equal(gate.active, 0);
    assert.throws(() => new Semaphore(0), RangeError);
  });
});
