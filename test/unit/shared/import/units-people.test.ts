import { describe, expect, it } from 'vitest';
import { MEETING_ROLES } from '../../../../shared/domain/person';
import { UNIT_KINDS } from '../../../../shared/domain/unit';
import {
  MEETING_ROLE_LABELS,
  UNIT_KIND_LABELS,
  meetingRoleFromLabel,
  unitKindFromLabel,
} from '../../../../shared/import/labels';
import type { ImportIssue, RawRow, UnitsPeopleSheets } from '../../../../shared/import/types';
import { formatImportIssue, validateUnitsPeople } from '../../../../shared/import/units-people';
import { MAX_IMPORT_ROWS } from '../../../../shared/import/units-people-columns';

const unit = (over: Partial<Record<string, string>> = {}): RawRow => ({
  单位名称: '城关镇人民政府',
  简称: '城关镇',
  单位类别: '乡镇/街道',
  联络人: '陈立新',
  联络电话: '13905991234',
  备注: '',
  ...over,
});
const person = (over: Partial<Record<string, string>> = {}): RawRow => ({
  姓名: '林雅琴',
  所属单位: '城关镇人民政府',
  职务: '副镇长',
  联席会议职务: '召集人',
  联系电话: '13905995678',
  ...over,
});
const sheets = (units: RawRow[], people: RawRow[]): UnitsPeopleSheets => ({ units, people });
const issuesOf = (s: UnitsPeopleSheets, existing: string[] = []): ImportIssue[] => {
  const r = validateUnitsPeople(s, existing);
  if (r.ok) throw new Error('expected issues');
  return r.issues;
};
const PHONE_MESSAGE = '电话号码格式不正确（手机号 11 位，或带区号的座机号，如 0599-1234567；可含空格或短横线）';

describe('validateUnitsPeople — valid files', () => {
  it('returns units and people with enum values resolved from the Chinese labels', () => {
    const r = validateUnitsPeople(
      sheets(
        [
          unit(),
          unit({
            单位名称: '区市场监督管理局',
            简称: '',
            单位类别: '区直执法部门',
            联络人: '',
            联络电话: '0599-5823456',
          }),
        ],
        [
          person(),
          person({ 姓名: '王伟', 所属单位: '区市场监督管理局', 职务: '', 联席会议职务: '', 联系电话: '' }),
          person({ 姓名: '张敏', 所属单位: '区生态环境局', 联席会议职务: '联络员' }),
        ],
      ),
      ['区生态环境局'],
    );
    expect(r).toEqual({
      ok: true,
      value: {
        units: [
          {
            name: '城关镇人民政府',
            shortName: '城关镇',
            kind: 'township',
            liaisonName: '陈立新',
            liaisonPhone: '13905991234',
          },
          { name: '区市场监督管理局', kind: 'district_department', liaisonPhone: '0599-5823456' },
        ],
        people: [
          { name: '林雅琴', post: '副镇长', role: 'convener', phone: '13905995678', unitName: '城关镇人民政府' },
          { name: '王伟', role: 'none', unitName: '区市场监督管理局' },
          { name: '张敏', post: '副镇长', role: 'liaison', phone: '13905995678', unitName: '区生态环境局' },
        ],
      },
    });
  });

  it('accepts phone numbers typed with full-width digits or spaces, and trims cells', () => {
    const r = validateUnitsPeople(
      sheets(
        [unit({ 单位名称: '  城关镇人民政府 ', 联络电话: '１３９ ０５９９ １２３４' })],
        [person({ 联系电话: '0599－5823456' })],
      ),
      [],
    );
    expect(r.ok && r.value.units[0]).toMatchObject({ name: '城关镇人民政府', liaisonPhone: '13905991234' });
    expect(r.ok && r.value.people[0]?.phone).toBe('0599-5823456');
  });

  it('ignores fully empty rows but keeps Excel row numbers', () => {
    const blank: RawRow = { 姓名: '', 所属单位: ' ', 职务: '' };
    const issues = issuesOf(sheets([unit()], [person(), {}, blank, person({ 姓名: '王伟', 联系电话: '12345' })]));
    expect(issues).toEqual([{ sheet: '人员', row: 5, field: '联系电话', message: PHONE_MESSAGE }]);
  });

  it('uses the row numbers a reader gives when it skipped empty rows', () => {
    const s: UnitsPeopleSheets = {
      ...sheets([unit()], [person(), person({ 姓名: '王伟', 联系电话: '12345' })]),
      rowNumbers: { units: [2], people: [2, 9] },
    };
    expect(issuesOf(s)).toEqual([{ sheet: '人员', row: 9, field: '联系电话', message: PHONE_MESSAGE }]);
  });

  it('accepts a file that only adds people to existing units, with an empty 单位 sheet', () => {
    const r = validateUnitsPeople(
      {
        units: [],
        people: [person()],
        headers: { units: [], people: ['姓名', '所属单位', '职务', '联席会议职务', '联系电话'] },
      },
      ['城关镇人民政府'],
    );
    expect(r.ok).toBe(true);
  });
});

describe('validateUnitsPeople — issues', () => {
  it('reports a bad phone with sheet, Excel row and column, and formats it as a sentence', () => {
    const people = [
      person(),
      person({ 姓名: 'a' }),
      person({ 姓名: 'b' }),
      person({ 姓名: 'c' }),
      person({ 姓名: 'd' }),
      person({ 姓名: '王伟', 联系电话: '12345' }),
    ];
    const issues = issuesOf(sheets([unit()], people));
    expect(issues).toEqual([{ sheet: '人员', row: 7, field: '联系电话', message: PHONE_MESSAGE }]);
    expect(formatImportIssue(issues[0]!)).toBe(
      '“人员”表第 7 行“联系电话”：电话号码格式不正确（手机号 11 位，或带区号的座机号，如 0599-1234567；可含空格或短横线）',
    );
  });

  it('names the allowed values for an unknown or missing 单位类别', () => {
    const issues = issuesOf(sheets([unit({ 单位类别: '街道办' }), unit({ 单位名称: '某单位', 单位类别: '' })], []));
    const allowed = UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join('、');
    expect(issues).toEqual([
      { sheet: '单位', row: 2, field: '单位类别', message: `单位类别“街道办”不正确，可选：${allowed}` },
      { sheet: '单位', row: 3, field: '单位类别', message: `请填写单位类别，可选：${allowed}` },
    ]);
    expect(allowed).toBe(
      '乡镇/街道、区直执法部门、职能科室、派驻机构、综合执法队、司法所、纪工委、包社区工作组、区政府',
    );
  });

  it('reports duplicate unit names within the file and against existing units', () => {
    const issues = issuesOf(
      sheets([unit(), unit({ 简称: '' }), unit({ 单位名称: '区人民政府', 单位类别: '区政府' })], []),
      ['区人民政府'],
    );
    expect(issues).toEqual([
      { sheet: '单位', row: 3, field: '单位名称', message: '单位名称“城关镇人民政府”与第 2 行重复' },
      {
        sheet: '单位',
        row: 4,
        field: '单位名称',
        message: '单位“区人民政府”已存在，不能重复导入；如需修改，请在成员单位页面编辑',
      },
    ]);
  });

  it('reports people whose unit is neither existing nor in the file, or missing', () => {
    const issues = issuesOf(
      sheets([unit()], [person({ 所属单位: '城关镇政府' }), person({ 姓名: '王伟', 所属单位: '' })]),
    );
    expect(issues).toEqual([
      {
        sheet: '人员',
        row: 2,
        field: '所属单位',
        message: '所属单位“城关镇政府”不存在：请填写已有单位的全称，或先在“单位”表中添加该单位',
      },
      { sheet: '人员', row: 3, field: '所属单位', message: '请填写所属单位' },
    ]);
  });

  it('reports an unknown 联席会议职务 with the choices; empty and 无 mean none', () => {
    const issues = issuesOf(sheets([unit()], [person({ 联席会议职务: '组长' })]));
    expect(issues).toEqual([
      {
        sheet: '人员',
        row: 2,
        field: '联席会议职务',
        message: '联席会议职务“组长”不正确，可选：总召集人、召集人、成员、联络员、办公室工作人员、无（不填即为“无”）',
      },
    ]);
    const ok = validateUnitsPeople(
      sheets([unit()], [person({ 联席会议职务: '无' }), person({ 姓名: '王伟', 联席会议职务: '' })]),
      [],
    );
    expect(ok.ok && ok.value.people.map((p) => p.role)).toEqual(['none', 'none']);
  });

  it('reports every problem of a row, in column order, with the domain schema messages', () => {
    const issues = issuesOf(
      sheets(
        [unit({ 单位名称: '名'.repeat(61), 简称: '简'.repeat(21), 联络电话: '110' })],
        [person({ 姓名: '', 职务: '职'.repeat(41) })],
      ),
      ['城关镇人民政府'],
    );
    expect(issues).toEqual([
      { sheet: '单位', row: 2, field: '单位名称', message: '单位名称不能超过 60 个字' },
      { sheet: '单位', row: 2, field: '简称', message: '简称不能超过 20 个字' },
      { sheet: '单位', row: 2, field: '联络电话', message: PHONE_MESSAGE },
      { sheet: '人员', row: 2, field: '姓名', message: '请填写姓名' },
      { sheet: '人员', row: 2, field: '职务', message: '职务不能超过 40 个字' },
    ]);
  });

  it('reports the same person twice in one unit', () => {
    const issues = issuesOf(sheets([unit()], [person(), person({ 职务: '科员' })]));
    expect(issues).toEqual([{ sheet: '人员', row: 3, field: '姓名', message: '与第 2 行重复（同一单位的同名人员）' }]);
  });

  it('reports a missing required column on row 1, from the header row or from the rows', () => {
    const withHeaders: UnitsPeopleSheets = {
      units: [{ 单位名称: '城关镇人民政府' }],
      people: [],
      headers: { units: ['单位名称', '简称'], people: ['名字', '单位'] },
    };
    expect(issuesOf(withHeaders)).toEqual([
      { sheet: '单位', row: 1, field: '单位类别', message: '缺少“单位类别”列：请使用导入模板，第 1 行为表头' },
      { sheet: '人员', row: 1, field: '姓名', message: '缺少“姓名”列：请使用导入模板，第 1 行为表头' },
      { sheet: '人员', row: 1, field: '所属单位', message: '缺少“所属单位”列：请使用导入模板，第 1 行为表头' },
    ]);
    expect(issuesOf(sheets([unit()], [{ 名字: '王伟', 所属单位: '城关镇人民政府' }]))).toEqual([
      { sheet: '人员', row: 1, field: '姓名', message: '缺少“姓名”列：请使用导入模板，第 1 行为表头' },
    ]);
  });

  it('reports a column that appears twice', () => {
    const s: UnitsPeopleSheets = {
      ...sheets([unit()], [person()]),
      headers: {
        units: ['单位名称', '简称', '单位类别', '联络人', '联络电话', '备注'],
        people: ['姓名', '所属单位', '联系电话', '联系电话'],
      },
    };
    expect(issuesOf(s)).toEqual([
      { sheet: '人员', row: 1, field: '联系电话', message: '表头“联系电话”出现了多次，请只保留一列' },
    ]);
  });

  it('refuses more than 5,000 data rows in a sheet and accepts exactly 5,000', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => person({ 姓名: `人员${i}` }));
    expect(issuesOf(sheets([unit()], rows(MAX_IMPORT_ROWS + 1)))).toEqual([
      {
        sheet: '人员',
        row: MAX_IMPORT_ROWS + 2,
        field: '',
        message: '数据超过单次导入上限 5000 行，请拆分为多个文件分批导入',
      },
    ]);
    const ok = validateUnitsPeople(sheets([unit()], rows(MAX_IMPORT_ROWS)), []);
    expect(ok.ok && ok.value.people).toHaveLength(MAX_IMPORT_ROWS);
  });

  it('says so when both sheets are empty', () => {
    expect(issuesOf(sheets([], []))).toEqual([
      { sheet: '单位', row: 2, field: '', message: '文件中没有可导入的数据：“单位”表和“人员”表都是空的' },
    ]);
  });
});

describe('validateUnitsPeople — hostile keys', () => {
  it('treats __proto__ / constructor / prototype headers as ordinary unknown columns and pollutes nothing', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const fromJson = JSON.parse(
      '{"单位名称":"城关镇人民政府","单位类别":"乡镇/街道","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"x"}',
    ) as RawRow;
    const nullProto = Object.assign(Object.create(null) as RawRow, { 姓名: '王伟', 所属单位: '城关镇人民政府' });
    for (const [key, value] of [
      ['__proto__', '{"polluted":"yes"}'],
      ['constructor', 'x'],
    ]) {
      nullProto[key as string] = value as string;
    }
    const r = validateUnitsPeople(
      {
        units: [fromJson],
        people: [nullProto],
        headers: {
          units: ['单位名称', '单位类别', '__proto__', 'constructor'],
          people: ['姓名', '所属单位', '__proto__'],
        },
      },
      [],
    );
    expect(r).toEqual({
      ok: true,
      value: {
        units: [{ name: '城关镇人民政府', kind: 'township' }],
        people: [{ name: '王伟', role: 'none', unitName: '城关镇人民政府' }],
      },
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('reads only own cells, never inherited properties', () => {
    const inherited = Object.create({ 单位名称: '继承的名称', 单位类别: '司法所' }) as RawRow;
    inherited['备注'] = '只有备注';
    const issues = issuesOf({
      units: [inherited],
      people: [],
      headers: { units: ['单位名称', '单位类别', '备注'], people: [] },
    });
    expect(issues.map((i) => i.field)).toEqual(['单位名称', '单位类别']);
  });

  it('maps labels through lookups that no hostile key can match', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(unitKindFromLabel(key)).toBeUndefined();
      expect(meetingRoleFromLabel(key)).toBeUndefined();
    }
  });
});

describe('labels', () => {
  it('label every unit kind and meeting role once, and read back', () => {
    expect(Object.keys(UNIT_KIND_LABELS).sort()).toEqual([...UNIT_KINDS].sort());
    expect(Object.keys(MEETING_ROLE_LABELS).sort()).toEqual([...MEETING_ROLES].sort());
    expect(new Set(Object.values(UNIT_KIND_LABELS)).size).toBe(UNIT_KINDS.length);
    for (const k of UNIT_KINDS) expect(unitKindFromLabel(` ${UNIT_KIND_LABELS[k]} `)).toBe(k);
    for (const r of MEETING_ROLES) expect(meetingRoleFromLabel(MEETING_ROLE_LABELS[r])).toBe(r);
    expect(meetingRoleFromLabel('')).toBe('none');
  });
});
