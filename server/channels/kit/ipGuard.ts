import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses an outbound media fetch may reach: only public unicast. Everything a
 * webhook-supplied URL could abuse to reach inside our network (loopback, RFC 1918, link-local
 * incl. cloud metadata 169.254.169.254, CGNAT, multicast, reserved, IPv6 ULA/link-local) is refused,
 * including the same addresses written as IPv4-mapped / NAT64 / 6to4 IPv6.
 */

const blocked = new BlockList();
const V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved + broadcast
];
const V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
];
for (const [net, prefix] of V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of V6) blocked.addSubnet(net, prefix, 'ipv6');

/** Expands an IPv6 address to its 8 groups of 16 bits (null when it is not valid IPv6). */
function groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase().split('%')[0];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  const all = [...h, ...fill, ...t].map((g) => parseInt(g, 16));
  return all.length === 8 && all.every((g) => Number.isInteger(g)) ? all : null;
}

/** IPv4 embedded in an IPv6 address by mapping/translation schemes, if any. */
function embeddedV4(address: string): string | null {
  const g = groups(address);
  if (!g) return null;
  const quad = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(5) && g[5] === 0xffff) return quad(g[6], g[7]); // ::ffff:a.b.c.d (IPv4-mapped)
  if (zeros(6) && (g[6] !== 0 || g[7] > 1)) return quad(g[6], g[7]); // ::a.b.c.d (IPv4-compatible)
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0) return quad(g[6], g[7]); // NAT64
  if (g[0] === 0x2002) return quad(g[1], g[2]); // 6to4
  return null;
}

/** True when the address is a public unicast IP that an outbound fetch may connect to. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedV4(address);
  if (v4 !== null) return !blocked.check(v4, 'ipv4');
  return !blocked.check(address.split('%')[0], 'ipv6');
}

/**
 * Parse OUTBOUND_ALLOW_PRIVATE ("127.0.0.1, 10.20.0.0/16, fd00::/8"): the non-public addresses an
 * operator explicitly lets outbound calls reach (on-premises integrations, local test stand-ins).
 * Returns null for an empty setting and throws on an entry that is not an IP or CIDR.
 */
export function privateAllowList(spec: string | undefined): ((address: string) => boolean) | null {
  return addressMatcher(spec, 'OUTBOUND_ALLOW_PRIVATE');
}

/** Parse a comma-separated list of IPs / CIDR ranges into a predicate (null when empty); throws naming `setting`. */
export function addressMatcher(spec: string | undefined, setting: string): ((address: string) => boolean) | null {
  const entries = (spec ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if (entries.length === 0) return null;
  const allowed = new BlockList();
  for (const entry of entries) {
    const [net, bits] = entry.split('/');
    const family = isIP(net);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32))
      throw new Error(`${setting}: "${entry}" is not an IP address or CIDR range`);
    allowed.addSubnet(net, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return (address) => {
    const v4 = isIP(address) === 6 ? embeddedV4(address) : null;
    if (v4 !== null) return allowed.check(v4, 'ipv4');
    const family = isIP(address);
    return family !== 0 && allowed.check(address.split('%')[0], family === 6 ? 'ipv6' : 'ipv4');
  };
}
