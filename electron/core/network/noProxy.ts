// Whether a host goes direct under a bypass list in NO_PROXY syntax, as curl reads it: comma-separated names, each
// matching itself and its subdomains (".example.com" and "*.example.com" too), an optional :port, an exact IP, or "*".

export function bypassesProxy(target: URL, list: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return list
    .split(/[,\s]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
    .some((entry) => {
      if (entry === '*') return true;
      const { name, entryPort } = splitPort(entry);
      if (entryPort && entryPort !== port) return false;
      const domain = name.replace(/^\*?\./, '');
      return host === domain || host.endsWith(`.${domain}`);
    });
}

/** "host:port", "[::1]:8080" or a bare IPv6 address ("::1" has colons but no port). */
function splitPort(entry: string): { name: string; entryPort: string | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1]!, entryPort: bracketed[2] ?? null };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { name: withPort[1]!, entryPort: withPort[2]! };
  return { name: entry, entryPort: null };
}
