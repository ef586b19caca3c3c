import { isIPv4, isIPv6 } from 'node:net';

export type IpMode = 'truncate' | 'keep' | 'drop';

/**
 * Pseudonymises an IP address before it is stored. "truncate" zeroes the last octet of IPv4 and keeps the /48
 * prefix of IPv6 — enough for a country or region, too coarse to single out a household.
 */
export function pseudonymiseIp(ip: string | null | undefined, mode: IpMode): string | null {
  if (!ip || mode === 'drop') return null;
  if (mode === 'keep') return ip;
  const v4 = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(v4)) return v4.replace(/\.\d+$/, '.0');
  if (isIPv6(ip)) {
    const [head = '', tail = ''] = ip.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = ip.includes('::')
      ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
      : left;
    return `${groups
      .slice(0, 3)
      .map((g) => g.toLowerCase())
      .join(':')}::`;
  }
  return null;
}
