// curl's command-line options: which take a value, and the one-letter forms. Data, not a parser: taken from
// `curl --help all` (curl 7.88) plus the options later releases added, so that an option Keypost does not map still
// consumes its value instead of that value being read as the URL.

/** Long options that take a value (`--header <header>`). */
const VALUE_OPTIONS = new Set(
  `
  abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers config connect-timeout connect-to
  continue-at cookie cookie-jar create-file-mode crlfile curves data data-ascii data-binary data-raw data-urlencode
  delegation dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers doh-url dump-header ech egd-file engine
  etag-compare etag-save expect100-timeout form form-string ftp-account ftp-alternative-to-user ftp-method ftp-port
  ftp-ssl-ccc-mode happy-eyeballs-timeout-ms haproxy-clientip header help hostpubmd5 hostpubsha256 hsts interface
  ip-tos json keepalive-time key key-type knownhosts krb libcurl limit-rate local-port login-options mail-auth
  mail-from mail-rcpt max-filesize max-redirs max-time netrc-file noproxy oauth2-bearer output output-dir parallel-max
  pass pinnedpubkey preproxy proto proto-default proto-redir proxy proxy-cacert proxy-capath proxy-cert
  proxy-cert-type proxy-ciphers proxy-crlfile proxy-header proxy-key proxy-key-type proxy-pass proxy-pinnedpubkey
  proxy-service-name proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword proxy-tlsuser proxy-user proxy1.0 pubkey
  quote random-file range rate referer request request-target resolve retry retry-delay retry-max-time sasl-authzid
  service-name sigalgs socks4 socks4a socks5 socks5-gssapi-service socks5-hostname speed-limit speed-time ssl-sessions
  stderr telnet-option tftp-blksize time-cond tls-max tls13-ciphers tlsauthtype tlspassword tlsuser trace trace-ascii
  trace-config unix-socket upload-file upload-flags url url-query user user-agent variable vlan-priority write-out
  `.split(/\s+/).filter(Boolean),
);

/** Long options that take none (`--compressed`); curl also accepts each as `--no-<name>`. */
const FLAG_OPTIONS = new Set(
  `
  anyauth append basic ca-native cert-status compressed compressed-ssh create-dirs crlf digest disable disable-eprt
  disable-epsv disallow-username-in-url doh-cert-status doh-insecure fail fail-early fail-with-body false-start follow
  form-escape ftp-create-dirs ftp-pasv ftp-pret ftp-skip-pasv-ip ftp-ssl-ccc ftp-ssl-control get globoff
  haproxy-protocol head http0.9 http1.0 http1.1 http2 http2-prior-knowledge http3 http3-only ignore-content-length
  include insecure ipv4 ipv6 junk-session-cookies list-only location location-trusted mail-rcpt-allowfails manual
  metalink mptcp negotiate netrc netrc-optional next no-alpn no-buffer no-clobber no-keepalive no-npn
  no-progress-meter no-sessionid ntlm ntlm-wb out-null parallel parallel-immediate path-as-is post301 post302 post303
  progress-bar proxy-anyauth proxy-basic proxy-ca-native proxy-digest proxy-http2 proxy-insecure proxy-negotiate
  proxy-ntlm proxy-ssl-allow-beast proxy-ssl-auto-client-cert proxy-tlsv1 proxytunnel raw remote-header-name
  remote-name remote-name-all remote-time remove-on-error retry-all-errors retry-connrefused sasl-ir show-error silent
  skip-existing socks5-basic socks5-gssapi socks5-gssapi-nec ssl ssl-allow-beast ssl-auto-client-cert ssl-no-revoke
  ssl-reqd ssl-revoke-best-effort sslv2 sslv3 styled-output suppress-connect-headers tcp-fastopen tcp-nodelay
  tftp-no-options tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tr-encoding trace-time use-ascii verbose version xattr
  `.split(/\s+/).filter(Boolean),
);

/** The one-character forms (`-H` is `--header`). */
const SHORT_OPTIONS: Readonly<Record<string, string>> = {
  '#': 'progress-bar', '0': 'http1.0', '1': 'tlsv1', '2': 'sslv2', '3': 'sslv3', '4': 'ipv4', '6': 'ipv6',
  ':': 'next', 'A': 'user-agent', 'B': 'use-ascii', 'C': 'continue-at', 'D': 'dump-header', 'E': 'cert', 'F': 'form',
  'G': 'get', 'H': 'header', 'I': 'head', 'J': 'remote-header-name', 'K': 'config', 'L': 'location', 'M': 'manual',
  'N': 'no-buffer', 'O': 'remote-name', 'P': 'ftp-port', 'Q': 'quote', 'R': 'remote-time', 'S': 'show-error',
  'T': 'upload-file', 'U': 'proxy-user', 'V': 'version', 'X': 'request', 'Y': 'speed-limit', 'Z': 'parallel',
  'a': 'append', 'b': 'cookie', 'c': 'cookie-jar', 'd': 'data', 'e': 'referer', 'f': 'fail', 'g': 'globoff',
  'h': 'help', 'i': 'include', 'j': 'junk-session-cookies', 'k': 'insecure', 'l': 'list-only', 'm': 'max-time',
  'n': 'netrc', 'o': 'output', 'p': 'proxytunnel', 'q': 'disable', 'r': 'range', 's': 'silent', 't': 'telnet-option',
  'u': 'user', 'v': 'verbose', 'w': 'write-out', 'x': 'proxy', 'y': 'speed-time', 'z': 'time-cond',
};

export interface CurlOption {
  /** The long name without dashes (`header`), whichever way it was written. */
  name: string;
  takesValue: boolean;
  /** Written as `--no-<name>`: the flag switched off. */
  negated: boolean;
}

/** A long option as written after `--`: its exact name, `no-` and a flag, or (as curl allows) a prefix of one name only. */
export function longOption(written: string): CurlOption | null {
  const exact = (name: string): CurlOption | null =>
    VALUE_OPTIONS.has(name) ? { name, takesValue: true, negated: false } : FLAG_OPTIONS.has(name) ? { name, takesValue: false, negated: false } : null;
  const found = exact(written);
  if (found) return found;
  if (written.startsWith('no-') && FLAG_OPTIONS.has(written.slice(3))) return { name: written.slice(3), takesValue: false, negated: true };
  const candidates = [...VALUE_OPTIONS, ...FLAG_OPTIONS].filter((name) => name.startsWith(written));
  return written.length > 1 && candidates.length === 1 ? exact(candidates[0]!) : null;
}

/** A one-character option (`H` of `-H`), or null when curl has none by that letter. */
export function shortOption(letter: string): CurlOption | null {
  const name = SHORT_OPTIONS[letter];
  return name === undefined ? null : { name, takesValue: VALUE_OPTIONS.has(name), negated: false };
}
