import type { Collection } from 'dexie';

/** Chinese names sort by pinyin, as the office expects in every list. */
export const zhCollator = new Intl.Collator('zh-CN', { numeric: true });

/** Case-insensitive substring match of a trimmed search term over some text fields. */
export function matchesSearch(search: string | undefined, fields: readonly (string | undefined)[]): boolean {
  const term = search?.trim().toLocaleLowerCase('zh-CN');
  if (!term) return true;
  return fields.some((f) => f !== undefined && f.toLocaleLowerCase('zh-CN').includes(term));
}

/** Number of distinct records over several index look-ups (a record may match more than one). */
export async function countDistinct(collections: readonly Collection<unknown, string>[]): Promise<number> {
  const keys = new Set<string>();
  for (const c of collections) for (const k of await c.primaryKeys()) keys.add(k);
  return keys.size;
}

/** Shallow copy without keys whose value is undefined, so stored records and snapshots stay tidy. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
