// The response's one-line summary: status (coloured by class), time and time to first byte, sizes, type and encoding.
import type { SendResult } from '../../shared/http';
import { formatBytes, formatDuration, statusClass } from '../format';

export function StatusLine({ result }: { result: SendResult }) {
  const wire = result.wireBytes === null ? 'unknown' : formatBytes(result.wireBytes);
  return (
    <div className="status-line">
      <span data-testid="status" className={`status ${statusClass(result.status)}`}>
        {result.status} {result.statusText}
      </span>
      <span data-testid="elapsed" title={`Time to first byte: ${formatDuration(result.ttfbMs)}`}>
        {formatDuration(result.elapsedMs)}
      </span>
      <span className="ttfb" data-testid="ttfb">
        TTFB {formatDuration(result.ttfbMs)}
      </span>
      <span data-testid="size" title={`Decoded: ${result.sizeBytes} bytes; on the wire: ${wire}`}>
        {formatBytes(result.sizeBytes)}
      </span>
      {result.contentEncoding && (
        <span data-testid="wire-size">
          {wire} {result.contentEncoding}
        </span>
      )}
      <span className="content-type" data-testid="content-type">
        {result.contentType || 'no content type'}
      </span>
    </div>
  );
}
