// The proxy bench's servers in a process of their own (curl runs blocking, and must not stall them): an HTTP CONNECT
// proxy and a plain http target (tests/fixtures/proxyServers.ts). Prints {"proxy": …, "target": …} on stdout.
import { startProxy, startTarget } from '../fixtures/proxyServers';

const [proxy, target] = await Promise.all([startProxy(), startTarget('http')]);
// Only a count is kept: the bench sends thousands of requests.
setInterval(() => {
  proxy.connects.length = 0;
  target.seen.length = 0;
}, 1000).unref();
console.log(JSON.stringify({ proxy: proxy.url, target: target.url }));
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
