// Asks the format worker to pretty-print JSON; one worker, answers matched by id.
import FormatWorker from './format.worker?worker';

export type FormatReply = { id: number; ok: true; text: string } | { id: number; ok: false; error: string };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (reply: FormatReply) => void>();

export function formatJson(text: string): Promise<FormatReply> {
  if (!worker) {
    worker = new FormatWorker();
    worker.onmessage = (event: MessageEvent<FormatReply>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
  }
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ id, text });
  });
}
