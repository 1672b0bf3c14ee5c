/**
 * A tenant's LLM baseUrl is theirs to choose, and the worker calls it: without a guard it could be
 * pointed at the worker's own network (loopback, private ranges, cloud metadata at 169.254.169.254)
 * and read answers back through the bot's steps. Unless LLM_ALLOW_PRIVATE_NETWORK is set, only
 * public unicast addresses are dialled: IP literals are checked before the request, host names when
 * they are resolved for the connection (so a name cannot resolve differently between check and use).
 */
import { lookup, LookupAddress, LookupAllOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

/** Whether an address is on the public internet: ipaddr.js's `unicast` range, IPv4-mapped IPv6 read as IPv4. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

export class PrivateAddressError extends Error {
  constructor(host: string) {
    super(`${host} is not a public internet address`);
    this.name = 'PrivateAddressError';
  }
}

/** The URL's host when it is an IP literal or localhost that is not public, else null (a name is checked when resolved). */
export function privateLiteralHost(url: string): string | null {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  if (/^localhost\.?$/i.test(host) || /\.localhost\.?$/i.test(host)) return host;
  return ipaddr.isValid(host) && !isPublicAddress(host) ? host : null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type ResolveAll = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** A dns.lookup (for net.connect) that fails for a name with any non-public address among its results. */
export const publicLookup =
  (resolve: ResolveAll = lookup) =>
  (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) return callback(error, []);
      if (addresses.length === 0 || addresses.some((entry) => !isPublicAddress(entry.address))) return callback(new PrivateAddressError(hostname), []);
      if (options.all === true) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };

/** A connection pool that dials public addresses only. */
export const publicNetworkDispatcher = (): Agent => new Agent({ connect: { lookup: publicLookup() as never } });
