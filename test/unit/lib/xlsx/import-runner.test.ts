import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../../shared/domain/errors';
import {
  IMPORT_TIMEOUT_MS,
  timeoutMessage,
  WORKER_FAILED_MESSAGE,
  type ImportWorker,
} from '../../../../renderer/src/lib/xlsx/import-runner';
import { BAD_RESULT_MESSAGE, type ImportResponse } from '../../../../renderer/src/lib/xlsx/import-wire';
import { MAX_XLSX_BYTES } from '../../../../renderer/src/lib/xlsx/limits';
import { handleImportRequest, PARSE_FAILED_MESSAGE } from '../../../../renderer/src/lib/xlsx/parse-import';
import { readFeedbackFormWorkbook } from '../../../../renderer/src/lib/xlsx/read-feedback-form';
import { readUnitsPeopleWorkbook } from '../../../../renderer/src/lib/xlsx/read-units-people';
import { PERSON_HEADER_ROW, UNIT_HEADER_ROW, workbookBytes } from './build-workbook';

/**
 * The worker wrapper with fake workers (Node has no Web Worker): what it sends, that it always terminates
 * the worker, the time limit, a crashed worker, and that an answer which is not what our worker sends is
 * refused by the zod schemas — never handed to the validators.
 */

interface Fake extends ImportWorker {
  posted: { message: unknown; transfer: Transferable[] }[];
  terminated: number;
  /** Delivers a message as the worker would. */
  answer(data: unknown): void;
  fail(message: string): void;
}

/** A worker that answers with `respond(request)` on the next turn, or never when `respond` is undefined. */
function fakeWorker(respond?: (request: unknown) => unknown | Promise<unknown>): Fake {
  const w: Fake = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    posted: [],
    terminated: 0,
    postMessage(message, transfer) {
      w.posted.push({ message, transfer });
      if (respond) void Promise.resolve(respond(message)).then((data) => w.answer(data));
    },
    terminate() {
      w.terminated++;
    },
    answer(data) {
      w.onmessage?.({ data });
    },
    fail(message) {
      w.onerror?.({ message, preventDefault: () => undefined });
    },
  };
  return w;
}

/** The real handler behind a fake transport, with a structured clone in each direction as postMessage does. */
const realWorker = () => fakeWorker(async (request) => structuredClone(await handleImportRequest(request)));

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

const units = [UNIT_HEADER_ROW, ['城关镇人民政府', '城关镇', '乡镇/街道', '陈立新', 13905991234, null]];
const goodBytes = () => workbookBytes({ 单位: units, 人员: [PERSON_HEADER_ROW, ['陈立新', '城关镇人民政府']] });

const wire = (over: Record<string, unknown> = {}) => ({
  kind: 'units-people',
  units: { headers: ['单位名称'], keys: ['单位名称'], rows: [['城关镇']], rowNumbers: [2] },
  people: { headers: [], keys: [], rows: [], rowNumbers: [] },
  ...over,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('runImport with a worker', () => {
  it('transfers a copy of exactly the file bytes, returns the rows, and terminates the worker', async () => {
    const bytes = await goodBytes();
    // A view into a larger buffer: only the view's bytes are sent.
    const padded = new Uint8Array(bytes.byteLength + 10);
    padded.set(bytes, 5);
    const view = padded.subarray(5, 5 + bytes.byteLength);
    const w = realWorker();
    const sheets = await readUnitsPeopleWorkbook(view, { createWorker: () => w });

    expect(sheets.units.map((u) => u['单位名称'])).toEqual(['城关镇人民政府']);
    expect(sheets.rowNumbers).toEqual({ units: [2], people: [2] });
    expect(Object.getPrototypeOf(sheets.units[0])).toBeNull();
    expect(w.terminated).toBe(1);
    expect(w.posted).toHaveLength(1);
    const { message, transfer } = w.posted[0]!;
    const sent = (message as { kind: string; bytes: ArrayBuffer }).bytes;
    expect((message as { kind: string }).kind).toBe('units-people');
    expect(transfer).toEqual([sent]);
    expect(sent.byteLength).toBe(bytes.byteLength);
    // The caller's buffer is untouched (not detached, same bytes).
    expect(padded.byteLength).toBe(bytes.byteLength + 10);
    expect(view).toEqual(bytes);
  });

  it('gives the same result as the in-thread path (Node, no Worker)', async () => {
    const bytes = await goodBytes();
    const viaWorker = await readUnitsPeopleWorkbook(bytes, { createWorker: realWorker });
    const inThread = await readUnitsPeopleWorkbook(bytes);
    expect(viaWorker).toEqual(inThread);
  });

  it('rethrows the DomainError the worker reports, with its code and message', async () => {
    const w = realWorker();
    const e = await refusal(readFeedbackFormWorkbook(new TextEncoder().encode('%PDF-1.7'), { createWorker: () => w }));
    expect(e.code).toBe('import-invalid');
    expect(e.message).toBe('无法读取该文件：不是有效的 .xlsx 工作簿');
    expect(w.terminated).toBe(1);
  });

  it(`stops a worker that takes longer than ${IMPORT_TIMEOUT_MS / 1000} s, with a Chinese message; a late answer is ignored`, async () => {
    vi.useFakeTimers();
    const w = fakeWorker();
    const pending = refusal(readUnitsPeopleWorkbook(new Uint8Array([0x50, 0x4b]), { createWorker: () => w }));
    await vi.advanceTimersByTimeAsync(IMPORT_TIMEOUT_MS - 1);
    expect(w.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    const e = await pending;
    expect(e.code).toBe('import-invalid');
    expect(e.message).toBe(timeoutMessage(IMPORT_TIMEOUT_MS));
    expect(e.message).toMatch(/^文件解析超时（超过 20 秒），已停止读取，未写入任何数据/);
    expect(w.terminated).toBe(1);
    expect(w.onmessage).toBeNull();
    w.answer({ ok: true, result: wire() }); // nothing listens any more
    expect(w.terminated).toBe(1);
  });

  it('honours a shorter time limit', async () => {
    vi.useFakeTimers();
    const w = fakeWorker();
    const pending = refusal(readUnitsPeopleWorkbook(new Uint8Array(4), { createWorker: () => w, timeoutMs: 5000 }));
    await vi.advanceTimersByTimeAsync(5000);
    expect((await pending).message).toMatch(/^文件解析超时（超过 5 秒）/);
    expect(w.terminated).toBe(1);
  });

  it('a worker that crashes (error event) gives a clear message and is terminated', async () => {
    const w = fakeWorker();
    const pending = refusal(readUnitsPeopleWorkbook(new Uint8Array(4), { createWorker: () => w }));
    w.fail('Out of memory');
    const e = await pending;
    expect(e.message).toBe(WORKER_FAILED_MESSAGE);
    expect(e.details).toEqual(['Out of memory']);
    expect(w.terminated).toBe(1);
  });

  it('a worker that cannot be created gives the same message', async () => {
    const e = await refusal(
      readUnitsPeopleWorkbook(new Uint8Array(4), {
        createWorker: () => {
          throw new Error('SecurityError');
        },
      }),
    );
    expect(e.message).toBe(WORKER_FAILED_MESSAGE);
  });

  it('refuses a file over 10 MB before any worker is started', async () => {
    const createWorker = vi.fn(() => fakeWorker());
    const e = await refusal(readUnitsPeopleWorkbook(new Uint8Array(MAX_XLSX_BYTES + 1), { createWorker }));
    expect(e.message).toBe('文件过大（10.0 MB）：导入文件不能超过 10 MB');
    expect(createWorker).not.toHaveBeenCalled();
  });
});

describe('the answer is checked by zod strict schemas before anything uses it', () => {
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const bad: [string, unknown][] = [
    ['not an object', 'ok'],
    ['null', null],
    ['an extra key', { ok: true, result: wire(), extra: 1 }],
    ['an extra key in the result', { ok: true, result: wire({ polluted: true }) }],
    [
      'a __proto__ key (as JSON.parse makes it)',
      JSON.parse(`{"ok":true,"result":${JSON.stringify(wire())},"__proto__":{"polluted":"yes"}}`),
    ],
    [
      'a constructor key in a sheet',
      { ok: true, result: wire({ units: { ...wire().units, constructor: { prototype: { polluted: 1 } } } }) },
    ],
    [
      'rows as objects instead of arrays',
      { ok: true, result: wire({ units: { ...wire().units, rows: [{ 单位名称: '城关镇' }] } }) },
    ],
    ['a row longer than the keys', { ok: true, result: wire({ units: { ...wire().units, rows: [['a', 'b']] } }) }],
    ['row numbers not matching the rows', { ok: true, result: wire({ units: { ...wire().units, rowNumbers: [] } }) }],
    [
      'duplicate keys',
      { ok: true, result: wire({ units: { ...wire().units, keys: ['a', 'a'], rows: [['x', 'y']] } }) },
    ],
    ['a number where a text belongs', { ok: true, result: wire({ units: { ...wire().units, rows: [[42]] } }) }],
    [
      'a cell longer than Excel allows',
      { ok: true, result: wire({ units: { ...wire().units, rows: [['x'.repeat(32_768)]] } }) },
    ],
    [
      'too many rows',
      {
        ok: true,
        result: wire({
          people: {
            headers: ['a'],
            keys: ['a'],
            rows: Array.from({ length: 5002 }, () => ['x']),
            rowNumbers: Array.from({ length: 5002 }, (_, i) => i + 2),
          },
        }),
      },
    ],
    ['a fractional row number', { ok: true, result: wire({ units: { ...wire().units, rowNumbers: [2.5] } }) }],
    ['an unknown kind', { ok: true, result: wire({ kind: 'backup' }) }],
    ['the other kind', { ok: true, result: { kind: 'feedback-form', meta: [], main: wire().people, formulas: [] } }],
    ['an error with an unknown code', { ok: false, error: { code: 'eval', message: 'x' } }],
    ['an error with an extra key', { ok: false, error: { code: 'import-invalid', message: 'x', stack: 'y' } }],
    ['an error without a message', { ok: false, error: { code: 'import-invalid', message: '' } }],
  ];

  it.each(bad)('%s → refused with a Chinese message', async (_name, answer) => {
    const w = fakeWorker(() => answer);
    const e = await refusal(readUnitsPeopleWorkbook(new Uint8Array(4), { createWorker: () => w }));
    expect(e.code).toBe('import-invalid');
    expect(e.message).toBe(BAD_RESULT_MESSAGE);
    expect(w.terminated).toBe(1);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a __proto__ header arrives as a plain key of a null-prototype row', async () => {
    const answer: ImportResponse = {
      ok: true,
      result: {
        kind: 'units-people',
        units: {
          headers: ['单位名称', '__proto__'],
          keys: ['单位名称', '__proto__'],
          rows: [['城关镇', '{"polluted":1}']],
          rowNumbers: [2],
        },
        people: { headers: [], keys: [], rows: [], rowNumbers: [] },
      },
    };
    const sheets = await readUnitsPeopleWorkbook(new Uint8Array(4), { createWorker: () => fakeWorker(() => answer) });
    const row = sheets.units[0]!;
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(Object.keys(row)).toEqual(['单位名称', '__proto__']);
    expect(row['__proto__']).toBe('{"polluted":1}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('handleImportRequest (what the worker runs)', () => {
  it('answers a malformed request with an error, never throws', async () => {
    for (const request of [
      undefined,
      null,
      'x',
      { kind: 'backup', bytes: new ArrayBuffer(1) },
      { kind: 'units-people', bytes: new Uint8Array(1) },
      { kind: 'units-people', bytes: new ArrayBuffer(1), x: 1 },
    ]) {
      const r = await handleImportRequest(request);
      expect(r).toEqual({
        ok: false,
        error: { code: 'import-invalid', message: PARSE_FAILED_MESSAGE, details: ['bad request'] },
      });
    }
  });

  it('turns an error that is not a DomainError into the plain "could not read" message', async () => {
    const bytes = await goodBytes();
    vi.resetModules();
    vi.doMock('../../../../renderer/src/lib/xlsx/guarded-workbook', async (importOriginal) => ({
      ...(await importOriginal<object>()),
      readSheet: () => {
        throw new RangeError('Invalid array length');
      },
    }));
    try {
      const fresh = await import('../../../../renderer/src/lib/xlsx/parse-import');
      const r = await fresh.handleImportRequest({ kind: 'units-people', bytes: bytes.slice().buffer });
      expect(r).toEqual({
        ok: false,
        error: { code: 'import-invalid', message: PARSE_FAILED_MESSAGE, details: ['RangeError: Invalid array length'] },
      });
    } finally {
      vi.doUnmock('../../../../renderer/src/lib/xlsx/guarded-workbook');
      vi.resetModules();
    }
  });
});

describe('import.worker.ts', () => {
  it('answers each message with the handler’s response', async () => {
    const posted: unknown[] = [];
    const scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown): void } = {
      onmessage: null,
      postMessage: (m) => posted.push(m),
    };
    vi.stubGlobal('self', scope);
    try {
      await import('../../../../renderer/src/lib/xlsx/import.worker');
      expect(scope.onmessage).toBeTypeOf('function');
      const bytes = await goodBytes();
      scope.onmessage!({ data: { kind: 'units-people', bytes: bytes.slice().buffer } });
      await vi.waitFor(() => expect(posted).toHaveLength(1));
      scope.onmessage!({ data: { kind: 'feedback-form', bytes: new TextEncoder().encode('MZ').buffer } });
      await vi.waitFor(() => expect(posted).toHaveLength(2));
      expect(posted[0]).toMatchObject({ ok: true, result: { kind: 'units-people' } });
      expect(posted[1]).toEqual({
        ok: false,
        error: {
          code: 'import-invalid',
          message: '无法读取该文件：不是有效的 .xlsx 工作簿',
          details: ['not a zip archive'],
        },
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
