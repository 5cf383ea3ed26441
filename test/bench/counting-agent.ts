/** An HTTP agent that counts the bytes its sockets wrote and read, to measure what a client sends. */
import http from 'node:http';
import type { Socket } from 'node:net';

export interface CountingAgent {
  agent: http.Agent;
  sent(): number;
  received(): number;
  reset(): void;
}

export function countingAgent(): CountingAgent {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const sockets = new Set<Socket>();
  let base = { sent: 0, received: 0 };
  // A keep-alive socket is handed back ('free') after each request, so every socket is seen.
  agent.on('free', (socket: Socket) => sockets.add(socket));
  const total = (field: 'bytesWritten' | 'bytesRead'): number =>
    [...sockets].reduce((n, s) => n + s[field], 0);
  return {
    agent,
    sent: () => total('bytesWritten') - base.sent,
    received: () => total('bytesRead') - base.received,
    reset: () => {
      base = { sent: total('bytesWritten'), received: total('bytesRead') };
    },
  };
}
