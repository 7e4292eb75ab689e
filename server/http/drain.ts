import type { Server } from 'node:http';
import type { RequestHandler, Response } from 'express';

/** Graceful shutdown of the HTTP side: what is in flight finishes, nothing new starts. */
export interface Drain {
  readonly draining: boolean;
  /** Counts requests in flight; once draining, answers new ones 503 so the client retries another node. */
  middleware: RequestHandler;
  begin(): void;
  /**
   * Stop listening and wait until every request in flight has been answered (their connections close
   * after the answer); after `timeoutMs` the connections still open are cut.
   */
  closeServer(server: Server, timeoutMs: number): Promise<void>;
}

/** A drain for one app (createApp makes one). */
export function createDrain(): Drain {
  const inFlight = new Set<Response>();
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    middleware(_req, res, next) {
      if (draining) {
        res.setHeader('Connection', 'close');
        res.setHeader('Retry-After', '1');
        res.status(503).json({ error: 'this node is shutting down; try again', code: 'shutting_down' });
        return;
      }
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
      next();
    },
    begin() {
      draining = true;
    },
    async closeServer(server, timeoutMs) {
      draining = true;
      // Answers still to be written close their keep-alive connection, so server.close() can complete.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
      if ((await Promise.race([closed, late])) === 'late') {
        console.error(`[braid] ${inFlight.size} request(s) still open after ${timeoutMs} ms: cutting them`);
        server.closeAllConnections();
      }
      clearTimeout(timer);
      await closed;
    },
  };
}
