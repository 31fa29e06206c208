/**
 * Masking of personal data for list views and logs (DESIGN §3.6: `010-****-1234`, `김*수`).
 */
export { maskPhone } from './phone.ts';

/**
 * Masks a name the way Korean offices do: the first and last characters stay, the rest become `*`.
 * `김민수` → `김*수`, `남궁민수` → `남**수`, `이수` → `이*`, `김` → `*`. Spaces are kept as they are.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  const inner = chars.slice(1, -1).map((c) => (c === ' ' ? ' ' : '*'));
  return `${chars[0]}${inner.join('')}${chars[chars.length - 1]}`;
}
