/**
 * FNV-1a 64-bit over a string, as 16 hex digits. Deterministic ids (alerts, audit entries) come from it;
 * the core stays free of node:crypto. Not a cryptographic hash: the audit chain uses SHA-256 in an adapter.
 */
export function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0xcbf29ce4 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 ^= c;
    h2 ^= c >>> 3;
    h1 = Math.imul(h1, 0x01000193);
    h2 = Math.imul(h2 ^ (h1 >>> 15), 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** A stable id for a set of things (order-insensitive), with a readable prefix. */
export function stableId(prefix: string, parts: readonly string[]): string {
  return `${prefix}-${fnv1a64([...parts].sort().join('\u0001'))}`;
}
