import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../shared/domain/errors';
import { formatImportIssue, validateUnitsPeople } from '../../../../shared/import/units-people';
import { MAX_IMPORT_ROWS, PERSON_HEADERS, UNIT_HEADERS } from '../../../../shared/import/units-people-columns';
import ExcelJS from '../../../../renderer/src/lib/xlsx/exceljs';
import { buildUnitsPeopleTemplate, MAX_XLSX_BYTES, readUnitsPeopleWorkbook } from '../../../../renderer/src/lib/xlsx';
import { PERSON_HEADER_ROW, UNIT_HEADER_ROW, workbookBytes } from './build-workbook';

const PHONE_MESSAGE = '电话号码格式不正确（手机号 11 位，或带区号的座机号，如 0599-1234567；可含空格或短横线）';

async function domainError(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

const validUnits = [
  UNIT_HEADER_ROW,
  ['城关镇人民政府', '城关镇', '乡镇/街道', '陈立新', 13905991234, null],
  ['区市场监督管理局', '区市场监管局', '区直执法部门', '林雅琴', '0599-5823456', '派驻城关市场监管所'],
];

describe('readUnitsPeopleWorkbook + validateUnitsPeople', () => {
  it('finds the bad phone of 人员 row 4 with its exact row and column', async () => {
    const bytes = await workbookBytes({
      单位: validUnits,
      人员: [
        PERSON_HEADER_ROW,
        ['陈立新', '城关镇人民政府', '副镇长', '召集人', 13905991234],
        ['林雅琴', '区市场监督管理局', '科员', '联络员', '0599-5823456'],
        ['王伟', '城关镇人民政府', '科员', '成员', '139059'],
      ],
    });
    const result = validateUnitsPeople(await readUnitsPeopleWorkbook(bytes), []);
    expect(result).toEqual({
      ok: false,
      issues: [{ sheet: '人员', row: 4, field: '联系电话', message: PHONE_MESSAGE }],
    });
    if (!result.ok) expect(formatImportIssue(result.issues[0]!)).toBe(`“人员”表第 4 行“联系电话”：${PHONE_MESSAGE}`);
  });

  it('reads a valid workbook: numbers, rich text, formulas and dates as text, empty rows skipped', async () => {
    const bytes = await workbookBytes({
      单位: validUnits,
      人员: [
        PERSON_HEADER_ROW,
        [
          { richText: [{ text: '陈', font: { bold: true } }, { text: '立新' }] },
          '城关镇人民政府',
          '副镇长',
          '召集人',
          13905991234,
        ],
        null,
        ['张敏', { formula: 'A1&"x"', result: '区市场监督管理局' }, null, null, null],
        ['王伟', '区生态环境局', new Date(Date.UTC(2026, 2, 9)), '', ' 139 0599 5678 '],
      ],
    });
    const sheets = await readUnitsPeopleWorkbook(bytes);
    expect(sheets.headers).toEqual({ units: [...UNIT_HEADERS], people: [...PERSON_HEADERS] });
    expect(sheets.rowNumbers).toEqual({ units: [2, 3], people: [2, 4, 5] });
    expect(Object.getPrototypeOf(sheets.people[0])).toBeNull();
    expect({ ...sheets.people[2] }).toEqual({
      姓名: '王伟',
      所属单位: '区生态环境局',
      职务: '2026-03-09',
      联席会议职务: '',
      联系电话: '139 0599 5678',
    });

    const result = validateUnitsPeople(sheets, ['区生态环境局']);
    expect(result).toEqual({
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
          {
            name: '区市场监督管理局',
            shortName: '区市场监管局',
            kind: 'district_department',
            liaisonName: '林雅琴',
            liaisonPhone: '0599-5823456',
            note: '派驻城关市场监管所',
          },
        ],
        people: [
          { name: '陈立新', unitName: '城关镇人民政府', post: '副镇长', role: 'convener', phone: '13905991234' },
          { name: '张敏', unitName: '区市场监督管理局', role: 'none' },
          { name: '王伟', unitName: '区生态环境局', post: '2026-03-09', role: 'none', phone: '13905995678' },
        ],
      },
    });
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const bytes = await workbookBytes({ 单位: validUnits, 人员: [PERSON_HEADER_ROW] });
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await readUnitsPeopleWorkbook(copy)).units).toHaveLength(2);
  });

  it('keeps a __proto__ header as a plain key without polluting anything', async () => {
    const bytes = await workbookBytes({
      单位: [
        [...UNIT_HEADER_ROW, '__proto__', 'constructor'],
        ['城关镇人民政府', '', '乡镇/街道', '', '', '', '{"polluted":1}', 'x'],
      ],
      人员: [PERSON_HEADER_ROW],
    });
    const sheets = await readUnitsPeopleWorkbook(bytes);
    expect(sheets.units[0]?.['__proto__']).toBe('{"polluted":1}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(validateUnitsPeople(sheets, []).ok).toBe(true);
  });

  it('stops reading a sheet one row past the import limit, so the validator refuses it', async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 20 }, (_, i) => [`人员${i}`, '城关镇人民政府']);
    const bytes = await workbookBytes({ 单位: validUnits, 人员: [PERSON_HEADER_ROW, ...rows] });
    const sheets = await readUnitsPeopleWorkbook(bytes);
    expect(sheets.people).toHaveLength(MAX_IMPORT_ROWS + 1);
    const result = validateUnitsPeople(sheets, []);
    expect(!result.ok && result.issues).toEqual([
      {
        sheet: '人员',
        row: MAX_IMPORT_ROWS + 2,
        field: '',
        message: '数据超过单次导入上限 5000 行，请拆分为多个文件分批导入',
      },
    ]);
  });
});

describe('readUnitsPeopleWorkbook — files it refuses', () => {
  it('refuses bytes that are not a zip', async () => {
    const e = await domainError(
      readUnitsPeopleWorkbook(new TextEncoder().encode('单位名称,单位类别\n城关镇,乡镇/街道')),
    );
    expect(e.code).toBe('import-invalid');
    expect(e.message).toBe('无法读取该文件：不是有效的 .xlsx 工作簿');
  });

  it('refuses a zip that is not a workbook, and a truncated workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const notWorkbook = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect((await domainError(readUnitsPeopleWorkbook(notWorkbook))).message).toBe(
      '无法读取该文件：不是有效的 .xlsx 工作簿',
    );
    const good = await workbookBytes({ 单位: validUnits, 人员: [PERSON_HEADER_ROW] });
    const truncated = good.slice(0, Math.floor(good.byteLength / 2));
    expect((await domainError(readUnitsPeopleWorkbook(truncated))).message).toBe(
      '无法读取该文件：不是有效的 .xlsx 工作簿',
    );
  });

  it('names the missing sheet', async () => {
    const bytes = await workbookBytes({ 单位: validUnits, Sheet2: [PERSON_HEADER_ROW] });
    const e = await domainError(readUnitsPeopleWorkbook(bytes));
    expect(e.code).toBe('import-invalid');
    expect(e.message).toBe('文件中没有名为“人员”的工作表');
    const noUnits = await workbookBytes({ 人员: [PERSON_HEADER_ROW] });
    expect((await domainError(readUnitsPeopleWorkbook(noUnits))).message).toBe('文件中没有名为“单位”的工作表');
  });

  it('refuses a file over 10 MB before parsing it', async () => {
    const e = await domainError(readUnitsPeopleWorkbook(new Uint8Array(MAX_XLSX_BYTES + 1)));
    expect(e.code).toBe('import-invalid');
    expect(e.message).toBe('文件过大（10.0 MB）：导入文件不能超过 10 MB');
  });
});

describe('buildUnitsPeopleTemplate', () => {
  it('reads back with the right headers and two valid example rows per sheet', async () => {
    const sheets = await readUnitsPeopleWorkbook(await buildUnitsPeopleTemplate());
    expect(sheets.headers).toEqual({ units: [...UNIT_HEADERS], people: [...PERSON_HEADERS] });
    expect(sheets.units).toHaveLength(2);
    expect(sheets.people).toHaveLength(2);
    const result = validateUnitsPeople(sheets, []);
    expect(result.ok).toBe(true);
  });

  it('has bold headers, column widths and drop-down lists for 单位类别 and 联席会议职务', async () => {
    const wb = new ExcelJS.Workbook();
    const bytes = await buildUnitsPeopleTemplate();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const units = wb.getWorksheet('单位')!;
    const people = wb.getWorksheet('人员')!;
    expect(units.getCell('A1').font?.bold).toBe(true);
    expect(people.getCell('D1').font?.bold).toBe(true);
    expect(units.getColumn(1).width).toBeGreaterThanOrEqual(20);
    const kind = units.getCell('C2').dataValidation;
    expect(kind?.type).toBe('list');
    expect(kind?.formulae?.[0]).toBe(
      '"乡镇/街道,区直执法部门,职能科室,派驻机构,综合执法队,司法所,纪工委,包社区工作组,区政府"',
    );
    expect(units.getCell(`C${MAX_IMPORT_ROWS + 1}`).dataValidation?.type).toBe('list');
    expect(people.getCell('D3000').dataValidation?.formulae?.[0]).toBe(
      '"总召集人,召集人,成员,联络员,办公室工作人员,无"',
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位', '人员', '说明']);
  });
});

describe('committed fixtures (test/fixtures/xlsx, made by make-fixtures.ts)', () => {
  const fixture = (name: string) =>
    new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/xlsx/${name}`, import.meta.url))));

  it('units-people-valid.xlsx imports cleanly', async () => {
    const result = validateUnitsPeople(await readUnitsPeopleWorkbook(fixture('units-people-valid.xlsx')), []);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.units.length).toBeGreaterThanOrEqual(3);
      expect(result.value.people.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('units-people-bad-row.xlsx has exactly one problem: 人员 row 5, 联系电话 12345', async () => {
    const result = validateUnitsPeople(await readUnitsPeopleWorkbook(fixture('units-people-bad-row.xlsx')), []);
    expect(result).toEqual({
      ok: false,
      issues: [{ sheet: '人员', row: 5, field: '联系电话', message: PHONE_MESSAGE }],
    });
  });
});
