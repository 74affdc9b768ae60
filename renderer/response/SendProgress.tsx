// Bytes received so far while a response downloads (main sends sendProgress every PROGRESS_EVERY_MS): in the status
// line, where the total time and size go once the body is all here, so nothing around it moves when it goes.
import { useEffect, useState } from 'react';
import type { KeypostEvents } from '../../shared/api';
import { onSendProgress } from '../request/sendActions';
import { formatBytes } from '../ui/format';

/** The progress of one request: events for other tabs' requests are not this one's. */
export function SendProgress({ requestId }: { requestId: string }) {
  const [progress, setProgress] = useState<KeypostEvents['sendProgress'] | null>(null);
  useEffect(() => onSendProgress((event) => event.requestId === requestId && setProgress(event)), [requestId]);
  if (!progress) return null;
  const { receivedBytes, totalBytes } = progress;
  return (
    <span className="send-progress" data-testid="progress" role="status" title="Received so far">
      {formatBytes(receivedBytes)}
      {totalBytes === null ? ' received' : ` of ${formatBytes(totalBytes)}`}
      {totalBytes !== null && totalBytes > 0 && <progress max={totalBytes} value={receivedBytes} />}
    </span>
  );
}
