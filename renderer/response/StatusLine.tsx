// The response's one-line summary: status (coloured by class), time and time to first byte, sizes, type and encoding,
// the HTTP version, and the proxy that carried it.
import { isComplete, type ShownResponse } from '../../shared/http';
import { formatDuration } from '../../shared/duration';
import { formatBytes, statusClass } from '../ui/format';
import { SendProgress } from './SendProgress';

/** A response whose body has not all arrived shows no total time or size; while it arrives (receiving), the bytes
 *  received so far. */
export function StatusLine({ response, receiving }: { response: ShownResponse; receiving: boolean }) {
  const result = isComplete(response) ? response : null;
  const wire = result?.wireBytes == null ? 'unknown' : formatBytes(result.wireBytes);
  return (
    <div className="status-line">
      <span data-testid="status" className={`status ${statusClass(response.status)}`}>
        {response.status} {response.statusText}
      </span>
      {response.httpVersion && (
        <span className="http-version" data-testid="http-version" title="The HTTP version of the response (HTTP/1.1 only can be set in Settings).">
          HTTP/{response.httpVersion}
        </span>
      )}
      {result && (
        <span data-testid="elapsed" title={`Time to first byte: ${formatDuration(result.ttfbMs)}`}>
          {formatDuration(result.elapsedMs)}
        </span>
      )}
      <span className="ttfb" data-testid="ttfb">
        TTFB {formatDuration(response.ttfbMs)}
      </span>
      {!result && receiving && <SendProgress requestId={response.requestId} />}
      {result && (
        <span data-testid="size" title={`Decoded: ${result.sizeBytes} bytes; on the wire: ${wire}`}>
          {formatBytes(result.sizeBytes)}
        </span>
      )}
      {result?.contentEncoding && (
        <span data-testid="wire-size">
          {wire} {result.contentEncoding}
        </span>
      )}
      <span className="content-type" data-testid="content-type" title={response.contentType}>
        {response.contentType || 'no content type'}
      </span>
      {response.proxy && (
        <span data-testid="via-proxy" title="The proxy setting (Settings) chose this proxy for the request.">
          via proxy {response.proxy}
        </span>
      )}
      {response.clientCertificate && (
        <span data-testid="client-certificate-presented" title="Settings (Client certificates) has this certificate for the host.">
          with {response.clientCertificate}
        </span>
      )}
    </div>
  );
}
