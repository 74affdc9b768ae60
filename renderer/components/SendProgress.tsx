// Bytes received so far while a response downloads (main sends sendProgress about every 100 ms).
import { useEffect, useState } from 'react';
import type { KeypostEvents } from '../../shared/api';
import { api } from '../api';
import { formatBytes } from '../format';

export function SendProgress() {
  const [progress, setProgress] = useState<KeypostEvents['sendProgress'] | null>(null);
  useEffect(() => api?.on('sendProgress', setProgress), []);
  if (!progress) return null;
  const { receivedBytes, totalBytes } = progress;
  return (
    <div className="send-progress" data-testid="progress" role="status">
      Received {formatBytes(receivedBytes)}
      {totalBytes !== null && ` of ${formatBytes(totalBytes)}`}
      {totalBytes !== null && totalBytes > 0 && <progress max={totalBytes} value={receivedBytes} />}
    </div>
  );
}
