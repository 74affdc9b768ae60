// What About Keypost reports (the package's name, version and licence, and the runtime's versions), and the one page
// outside the app Keypost ever opens: the repository's issue page ("Report a problem").
import packageJson from '../../../package.json' with { type: 'json' };
import type { AboutInfo } from '../../../shared/about';

interface PackageFields {
  name: string;
  productName?: string;
  version: string;
  license?: string;
  repository?: string | { url?: string };
}
const pkg: PackageFields = packageJson;

/** "git+https://github.com/o/r.git" or { url } as npm writes it, as the web address of the repository; null for none. */
export function repositoryWebUrl(repository: PackageFields['repository']): string | null {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return null;
  // npm's shorthand "github:owner/repo" or "owner/repo".
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  return raw.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** The issue page of the repository package.json names; null while it names none (no address is made up). */
export function issuePageOf(repository: PackageFields['repository']): string | null {
  const web = repositoryWebUrl(repository);
  return web ? `${web}/issues` : null;
}

/** The page "Report a problem" opens, and the only URL main hands to shell.openExternal besides an OAuth sign-in
 *  page the user set up. null, and no such menu item, until package.json has a "repository". */
export const REPORT_PROBLEM_URL = issuePageOf(pkg.repository);

/** The allow-list of shell.openExternal: exactly the issue page (if there is one), compared as a whole string. */
export const isAllowedExternalUrl = (url: unknown, allowed: string | null = REPORT_PROBLEM_URL): url is string => allowed !== null && url === allowed;

/**
 * About Keypost. Electron adds `electron` and `chrome` to process.versions; where this code runs in plain Node (the E2E
 * harness, the unit tests) they are missing and reported as null.
 */
export function aboutKeypost(versions: Partial<Record<string, string>> = process.versions): AboutInfo {
  return {
    name: pkg.productName ?? pkg.name,
    version: pkg.version,
    electron: versions.electron ?? null,
    chrome: versions.chrome ?? null,
    node: versions.node ?? 'unknown',
    v8: versions.v8 ?? 'unknown',
    license: pkg.license ?? 'UNLICENSED',
  };
}
