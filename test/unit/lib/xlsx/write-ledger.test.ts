import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../../renderer/src/lib/xlsx/exceljs';
import { writeLedgerXlsx } from '../../../../renderer/src/lib/xlsx/write-ledger';
import { disputeLedger, type LedgerSheet } from '../../../../shared/export/ledger';
import type { Dispute } from '../../../../shared/domain';

async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

const sheet: LedgerSheet = {
  name: '执法争议台账',
  columns: [
    { header: '编号', width: 16 },
    { header: '争议事项', width: 36 },
    { header: '协商次数', width: 10 },
  ],
  rows: [
    ['争〔2026〕1号', '农贸市场周边占道经营', 2],
    ['争〔2026〕2号', '\'=HYPERLINK("x")', 0],
  ],
};

describe('writeLedgerXlsx', () => {
  it('writes the header and rows that exceljs reads back, with widths, borders and a frozen header', async () => {
    const wb = await read(await writeLedgerXlsx(sheet));
    const ws = wb.getWorksheet('执法争议台账')!;
    expect(ws).toBeDefined();
    expect(ws.getRow(1).values).toEqual([undefined, '编号', '争议事项', '协商次数']);
    expect(ws.getRow(2).values).toEqual([undefined, '争〔2026〕1号', '农贸市场周边占道经营', 2]);
    // The guarded text stays text, never a formula.
    expect(ws.getCell('B3').value).toBe('\'=HYPERLINK("x")');
    expect(ws.getCell('B3').formula).toBeUndefined();
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(36);
    expect(ws.getCell('C3').border?.bottom?.style).toBe('thin');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('puts an optional merged title above the header and freezes below it', async () => {
    const wb = await read(await writeLedgerXlsx(sheet, { title: '执法争议台账（截至2026年11月22日）' }));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('执法争议台账（截至2026年11月22日）');
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '编号', '争议事项', '协商次数']);
    expect(ws.getCell('A3').value).toBe('争〔2026〕1号');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('writes the disputes ledger with its ten columns', async () => {
    const d: Dispute = {
      id: 'd1',
      createdAt: '2026-09-01T08:00:00.000Z',
      updatedAt: '2026-09-01T08:00:00.000Z',
      number: '争〔2026〕1号',
      matter: '河道非法采砂查处主体',
      type: 'jurisdiction',
      partyUnitIds: ['u1', 'u2'],
      positions: {},
      firstHandlingUnitId: 'u1',
      registeredOn: '2026-09-01',
      state: 'designated',
      stateSince: '2026-10-01',
      rounds: [],
      designatedUnitId: 'u2',
      decisionNumber: '区政指〔2026〕3号',
    };
    const names = new Map([
      ['u1', '城关镇人民政府'],
      ['u2', '区水利局'],
    ]);
    const ws = (await read(await writeLedgerXlsx(disputeLedger([d], names)))).worksheets[0]!;
    expect(ws.name).toBe('执法争议台账');
    expect(ws.getRow(1).cellCount).toBe(10);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '争〔2026〕1号',
      '河道非法采砂查处主体',
      '城关镇人民政府、区水利局',
      '管辖权',
      '城关镇人民政府',
      '2026年9月1日',
      '已指定管辖',
      0,
      '区政府指定区水利局管辖（区政指〔2026〕3号）',
    ]);
    expect(ws.getCell('J2').value).toBeNull();
    expect(ws.getCell('J2').border?.right?.style).toBe('thin');
  });
});
