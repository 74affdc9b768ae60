// The page's handle on one body worker: typed requests, promises for replies.
import BodyWorker from '../body.worker?worker';
import type { BodyReply, BodyRequest } from './bodyProtocol';

export class BodyWorkerClient {
  private worker = new BodyWorker();
  private nextId = 0;
  private pending = new Map<number, (reply: unknown) => void>();
  /** Set when the worker died (out of memory on a huge body): every request then fails at once. */
  private failure: string | null = null;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<{ id: number; reply: unknown }>) => {
      this.pending.get(event.data.id)?.(event.data.reply);
      this.pending.delete(event.data.id);
    };
    this.worker.onerror = (event) => {
      this.failure = `the body worker stopped (${event.message || 'out of memory?'}); Save… still writes the body to a file`;
      for (const resolve of this.pending.values()) resolve({ ok: false, error: this.failure });
      this.pending.clear();
    };
  }

  request<R extends BodyRequest>(request: R): Promise<BodyReply<R['op']>> {
    if (this.failure) return Promise.resolve({ ok: false, error: this.failure });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (reply: unknown) => void);
      // Parts of the body move to the worker instead of being copied.
      this.worker.postMessage({ id, request }, request.op === 'append' ? [request.bytes.buffer] : []);
    });
  }

  /** Still working on a request (a slow filter, say), or dead: not fit for reuse. */
  get busy(): boolean {
    return this.pending.size > 0 || this.failure !== null;
  }

  dispose(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}

let idle: BodyWorkerClient | null = null;

/** The idle worker if there is one (starting a worker costs time and memory on every response), else a new one. */
export function acquireBodyWorker(): BodyWorkerClient {
  const worker = idle ?? new BodyWorkerClient();
  idle = null;
  return worker;
}

/** Keeps the worker for the next body, unless it is still busy: then it is terminated, work and memory with it. */
export function releaseBodyWorker(worker: BodyWorkerClient): void {
  if (worker.busy || idle) worker.dispose();
  else idle = worker;
}
