import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain';
import { readCalendarImport } from '../../../renderer/src/lib/xlsx/read-calendar';
import { handleImportRequest } from '../../../renderer/src/lib/xlsx/parse-import';
import type { ImportWorker } from '../../../renderer/src/lib/xlsx/import-runner';
import { snapshotTables, withProfile } from './helpers';

/**
 * Issue 10 item 4 (IMP-1): a 年度安排 (working-day calendar) goes through the import worker path like the
 * spreadsheets — size cap, strict UTF-8, JSON, zod in the worker; the answer zod-checked on the page; then
 * `calendar.importYear` checks it again and writes in one transaction. A hostile one ends in a Chinese error
 * and nothing is written.
 */

const GOOD = {
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-06', name: '春节' },
  ],
  workdays: [{ date: '2027-02-13', name: '春节调休' }],
};

/** A worker that answers as import.worker.ts does (same handler), so the runner's worker branch is used. */
function inlineWorker(): ImportWorker {
  const w: ImportWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message) {
      void handleImportRequest(message).then((data) => w.onmessage?.({ data }));
    },
    terminate() {},
  };
  return w;
}

const HOSTILE: [string, string, RegExp][] = [
  ['empty', '', /^年度安排有误：内容为空/],
  ['not JSON', '{year: 2027,', /^年度安排有误：不是有效的 JSON/],
  ['an array', '[1,2,3]', /^年度安排有误：年度安排应为一个 JSON 对象/],
  ['a year out of range', JSON.stringify({ ...GOOD, year: 1900 }), /^年度安排有误：.*年份不能早于2000年/],
  [
    'a date outside the year',
    JSON.stringify({ ...GOOD, holidays: [{ date: '2028-01-01', name: '元旦' }] }),
    /^年度安排有误：放假第1项（2028-01-01）：不在2027年内/,
  ],
  [
    'a __proto__ key with a polluting payload',
    `{"year":2027,"holidays":[{"date":"2027-01-01","name":"元旦"}],"__proto__":{"polluted":"yes"}}`,
    /./,
  ],
  [
    '300 KB of text',
    `{"year":2027,"x":"${'a'.repeat(300 * 1024)}"}`,
    /^年度安排有误：内容过大（\d+ KB），年度安排不能超过 256 KB$/,
  ],
];

describe('年度安排 through the import worker path', () => {
  it('a good schedule comes back checked and is written once', async () => {
    const h = await withProfile();
    const schedule = await readCalendarImport(JSON.stringify(GOOD), { createWorker: inlineWorker });
    expect(schedule).toEqual(GOOD);
    const saved = await h.dl.calendar.importYear(schedule);
    expect(saved.year).toBe(2027);
    expect((await h.dl.calendar.imported()).map((s) => s.year)).toEqual([2027]);
  });

  it.each(HOSTILE)(
    '%s → a Chinese error, nothing written, Object.prototype untouched',
    async (_name, text, message) => {
      const h = await withProfile();
      const before = await snapshotTables(h.db);
      let error: unknown;
      try {
        await h.dl.calendar.importYear(await readCalendarImport(text, { createWorker: inlineWorker }));
      } catch (e) {
        error = e;
      }
      if (_name.startsWith('a __proto__')) {
        // The schedule itself is valid: the key is dropped by the schema, never merged anywhere.
        expect(error).toBeUndefined();
        const saved = (await h.dl.calendar.imported())[0]!;
        expect(Object.keys(saved).sort()).toEqual(['holidays', 'workdays', 'year']);
      } else {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).message).toMatch(message);
        expect(await snapshotTables(h.db)).toEqual(before);
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it('bytes that are not UTF-8 are refused in the worker', async () => {
    const r = await handleImportRequest({ kind: 'calendar', bytes: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]).buffer });
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^年度安排有误：不是 UTF-8 编码的文本/) },
    });
  });

  it('an answer that is not a checked schedule is refused on the page (a worker is not trusted)', async () => {
    const liar: ImportWorker = {
      ...inlineWorker(),
      postMessage() {
        liar.onmessage?.({
          data: {
            ok: true,
            result: { kind: 'calendar', schedule: { year: 2027, holidays: [], workdays: [], extra: 1 } },
          },
        });
      },
    };
    await expect(readCalendarImport(JSON.stringify(GOOD), { createWorker: () => liar })).rejects.toThrow(
      '文件解析结果格式异常，已拒绝导入（未写入任何数据），请重新选择文件',
    );
  });
});
