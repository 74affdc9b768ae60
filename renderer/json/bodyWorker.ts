// The page's handle on one body worker: typed requests, promises for replies.
import BodyWorker from '../body.worker?worker';
import type { BodyReply, BodyRequest } from './bodyProtocol';

export class BodyWorkerClient {
  private worker = new BodyWorker();
  private nextId = 0;
  private pending = new Map<number, (reply: unknown) => void>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<{ id: number; reply: unknown }>) => {
      this.pending.get(event.data.id)?.(event.data.reply);
      this.pending.delete(event.data.id);
    };
  }

  request<R extends BodyRequest>(request: R): Promise<BodyReply<R['op']>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (reply: unknown) => void);
      this.worker.postMessage({ id, request });
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}
