/** Top-level fields whose value differs between the before and after images of an audit entry. */
export function changedFields(
  before: unknown,
  after: unknown,
): { field: string; from: unknown; to: unknown }[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || typeof a !== 'object') return [{ field: '', from: before, to: after }];
  const out: { field: string; from: unknown; to: unknown }[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (field === 'timeline' || field === 'updatedAt') continue;
    if (JSON.stringify(b[field]) !== JSON.stringify(a[field]))
      out.push({ field, from: b[field], to: a[field] });
  }
  return out;
}
