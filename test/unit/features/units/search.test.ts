import { describe, expect, it } from 'vitest';
import type { Person, Unit } from '../../../../shared/domain';
import {
  compareText,
  countActivePeopleByUnit,
  filterPeople,
  filterUnits,
  matchesSearch,
} from '../../../../renderer/src/features/units/shared/search';

const at = '2026-01-01T00:00:00.000Z';
const unit = (id: string, name: string, extra: Partial<Unit> = {}): Unit => ({
  id,
  name,
  kind: 'district_department',
  archived: false,
  createdAt: at,
  updatedAt: at,
  ...extra,
});
const person = (id: string, name: string, unitId: string, extra: Partial<Person> = {}): Person => ({
  id,
  name,
  unitId,
  role: 'member',
  archived: false,
  createdAt: at,
  updatedAt: at,
  ...extra,
});

const units = [
  unit('u1', '区市场监督管理局', { shortName: '市监局', liaisonName: '王芳' }),
  unit('u2', '城关街道办事处', { kind: 'township', liaisonName: '李强' }),
  unit('u3', '区生态环境分局', { archived: true }),
];
const byId = new Map(units.map((u) => [u.id, u]));
const people = [
  person('p1', '张伟', 'u1', { post: '副局长', phone: '13800138000', role: 'convener' }),
  person('p2', '刘洋', 'u2', { post: '综治办主任' }),
  person('p3', '陈静', 'u1', { archived: true }),
  person('p4', '赵磊', 'u3', { role: 'liaison' }),
];

describe('matchesSearch', () => {
  it('matches Chinese substrings and ignores case and full-width forms', () => {
    expect(matchesSearch('监督', ['区市场监督管理局'])).toBe(true);
    expect(matchesSearch('ＡＢＣ', ['abc unit'])).toBe(true);
    expect(matchesSearch('  ', ['anything'])).toBe(true);
    expect(matchesSearch('税务', ['区市场监督管理局', undefined])).toBe(false);
  });
  it('requires every space-separated term to match some field', () => {
    expect(matchesSearch('市监 王芳', ['区市场监督管理局', '市监局', '王芳'])).toBe(true);
    expect(matchesSearch('市监 李强', ['区市场监督管理局', '市监局', '王芳'])).toBe(false);
  });
});

describe('filterUnits', () => {
  it('hides archived units unless asked', () => {
    expect(filterUnits(units, { search: '', showArchived: false }).map((u) => u.id)).toEqual(['u1', 'u2']);
    expect(filterUnits(units, { search: '', showArchived: true }).map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
  });
  it('searches name, short name and liaison', () => {
    expect(filterUnits(units, { search: '市监局', showArchived: false }).map((u) => u.id)).toEqual(['u1']);
    expect(filterUnits(units, { search: '李强', showArchived: false }).map((u) => u.id)).toEqual(['u2']);
    expect(filterUnits(units, { search: '生态', showArchived: false })).toEqual([]);
  });
});

describe('filterPeople', () => {
  const ids = (f: Parameters<typeof filterPeople>[2]) => filterPeople(people, byId, f).map((p) => p.id);
  it('searches name, post, phone and the unit’s name', () => {
    expect(ids({ search: '副局长', showArchived: false })).toEqual(['p1']);
    expect(ids({ search: '138001', showArchived: false })).toEqual(['p1']);
    expect(ids({ search: '城关', showArchived: false })).toEqual(['p2']);
  });
  it('filters by unit and role, and hides archived people unless asked', () => {
    expect(ids({ search: '', showArchived: false, unitId: 'u1' })).toEqual(['p1']);
    expect(ids({ search: '', showArchived: true, unitId: 'u1' })).toEqual(['p1', 'p3']);
    expect(ids({ search: '', showArchived: false, role: 'liaison' })).toEqual(['p4']);
  });
});

describe('countActivePeopleByUnit', () => {
  it('counts only people in use', () => {
    const counts = countActivePeopleByUnit(people);
    expect(counts.get('u1')).toBe(1);
    expect(counts.get('u2')).toBe(1);
    expect(counts.get('u3')).toBe(1);
    expect(counts.get('nope')).toBeUndefined();
  });
});

describe('compareText', () => {
  it('sorts missing values last and is consistent', () => {
    const sorted = ['乙', undefined, '甲'].sort(compareText);
    expect(sorted[2]).toBeUndefined();
    expect(compareText('甲', '甲')).toBe(0);
  });
});
