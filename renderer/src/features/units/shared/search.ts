import type { MeetingRole, Person, Unit } from '../../../../../shared/domain';

/**
 * Client-side search and counting for the 单位与人员 tables. The lists are small (tens of units,
 * hundreds of people), so the page loads them whole through live queries and filters in memory:
 * the person search can then match the unit's name too, and counts need no extra queries.
 */

/** Normalises for matching: full-width → half-width (NFKC), case-folded, trimmed. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/** Whitespace-separated terms; every term must occur in at least one of the fields (substring). */
export function matchesSearch(query: string, fields: readonly (string | undefined)[]): boolean {
  const terms = normalizeForSearch(query).split(/\s+/u).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = fields.filter((f): f is string => !!f).map(normalizeForSearch);
  return terms.every((term) => haystack.some((field) => field.includes(term)));
}

export interface UnitFilter {
  search: string;
  showArchived: boolean;
}

export function filterUnits(units: readonly Unit[], filter: UnitFilter): Unit[] {
  return units.filter(
    (u) => (filter.showArchived || !u.archived) && matchesSearch(filter.search, [u.name, u.shortName, u.liaisonName]),
  );
}

export interface PersonFilter {
  search: string;
  showArchived: boolean;
  unitId?: string | undefined;
  role?: MeetingRole | undefined;
}

export function filterPeople(
  people: readonly Person[],
  unitsById: ReadonlyMap<string, Unit>,
  filter: PersonFilter,
): Person[] {
  return people.filter((p) => {
    if (!filter.showArchived && p.archived) return false;
    if (filter.unitId && p.unitId !== filter.unitId) return false;
    if (filter.role && p.role !== filter.role) return false;
    const unit = unitsById.get(p.unitId);
    return matchesSearch(filter.search, [p.name, p.post, p.phone, unit?.name, unit?.shortName]);
  });
}

/** Number of people in use (not archived) per unit id; the 人员数 column. */
export function countActivePeopleByUnit(people: readonly Person[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of people) if (!p.archived) counts.set(p.unitId, (counts.get(p.unitId) ?? 0) + 1);
  return counts;
}

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** Chinese collation (pinyin order where ICU supports it) for table sorters; missing values last. */
export function compareText(a: string | undefined, b: string | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  return collator.compare(a, b);
}
