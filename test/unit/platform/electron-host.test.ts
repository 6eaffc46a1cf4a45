import { describe, expect, it, vi } from 'vitest';
import { type IpcResult, type JointDeskBridge } from '../../../shared/ipc/contract';
import { createElectronHost } from '../../../renderer/src/platform/electron-host';
import { HostError, unwrapIpc } from '../../../renderer/src/platform/host-error';

const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });
const fail = (error: string): Promise<IpcResult<never>> => Promise.resolve({ ok: false, error });

function fakeBridge(
  overrides: Partial<{ [K in keyof JointDeskBridge]: Partial<JointDeskBridge[K]> }> = {},
): JointDeskBridge {
  return {
    audit: {
      key: vi.fn(() => ok({ key: Buffer.alloc(32, 7).toString('base64') })),
      head: vi.fn(() => ok({ head: null })),
      setHead: vi.fn((input: { seq: number; hash: string; keyedFrom: number | null }) =>
        ok({ head: { ...input, updatedAt: '2026-12-04T01:00:00.000Z' } }),
      ),
      resetHead: vi.fn((input: { seq: number; hash: string }) =>
        ok({ head: { ...input, keyedFrom: null, updatedAt: 'x', restoredAt: 'x' } }),
      ),
      ...overrides.audit,
    },
    files: {
      saveAs: vi.fn(() => ok({ saved: true, path: 'C:\\文档\\台账.xlsx' })),
      open: vi.fn(() => ok({ canceled: true })),
      reveal: vi.fn(() => ok({ shown: true })),
      ...overrides.files,
    },
    app: {
      info: vi.fn(() =>
        ok({ version: '0.1.0', dataPath: 'C:\\Users\\x\\AppData', platform: 'win32', electron: '45.4.1' }),
      ),
      ...overrides.app,
    },
    print: {
      toPdf: vi.fn(() => ok({ saved: true, path: 'C:\\文档\\纪要.pdf' })),
      ...overrides.print,
    },
    backup: {
      list: vi.fn(() =>
        ok({ dir: 'D:\\备份', retention: { daily: 7, weekly: 4, monthly: 12 }, entries: [], lastBackupAt: null }),
      ),
      write: vi.fn(() => ok({ path: 'D:\\备份\\b.zip', removed: ['old.zip'] })),
      read: vi.fn(() => ok({ bytes: new Uint8Array([7]) })),
      preOpenList: vi.fn(() =>
        ok({
          copies: [{ id: '20261204-090000', createdAt: '2026-12-04T01:00:00.000Z', files: 6, bytes: 9 }],
          pending: null,
        }),
      ),
      preOpenRestore: vi.fn(() => ok({ restarting: true })),
      openFile: vi.fn(() => ok({ canceled: true })),
      chooseDir: vi.fn(() => ok({ dir: 'E:\\备份', changed: true })),
      setRetention: vi.fn(() => ok({ retention: { daily: 8, weekly: 4, monthly: 12 }, removed: [] })),
      revealDir: vi.fn(() => ok({ shown: true })),
      quarantineDb: vi.fn(() => ok({ dir: 'C:\\Users\\x\\AppData\\quarantine\\20261203-142530', files: 5, bytes: 9 })),
      quitDone: vi.fn(() => ok({ quitting: true })),
      onQuitRequest: vi.fn(),
      ...overrides.backup,
    },
    pii: {
      publicKey: vi.fn(() => ok({ publicKey: `${'A'.repeat(42)}E=` })),
      open: vi.fn(() => ok({ json: '{"name":"张三"}' })),
      ...overrides.pii,
    },
  };
}

describe('unwrapIpc', () => {
  it('returns the value of an ok result and throws the error text as a HostError', () => {
    expect(unwrapIpc({ ok: true, value: 3 })).toBe(3);
    expect(() => unwrapIpc({ ok: false, error: '文件名含有不允许的字符' })).toThrow(
      new HostError('文件名含有不允许的字符'),
    );
  });
});

describe('createElectronHost', () => {
  it('saves through files.saveAs and reports the path', async () => {
    const bridge = fakeBridge();
    const host = createElectronHost(bridge);
    const bytes = new Uint8Array([1, 2, 3]);
    const filters = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
    await expect(host.saveFile({ suggestedName: '台账.xlsx', bytes, filters })).resolves.toEqual({
      saved: true,
      path: 'C:\\文档\\台账.xlsx',
    });
    expect(bridge.files.saveAs).toHaveBeenCalledWith({ suggestedName: '台账.xlsx', bytes, filters });
  });

  it('turns a refused save into a HostError with the main process message', async () => {
    const host = createElectronHost(fakeBridge({ files: { saveAs: () => fail('文件超过 50 MB 上限') } }));
    const p = host.saveFile({ suggestedName: 'a.xlsx', bytes: new Uint8Array(), filters: [] });
    await expect(p).rejects.toBeInstanceOf(HostError);
    await expect(p).rejects.toThrow('文件超过 50 MB 上限');
  });

  it('reports a cancelled open as canceled', async () => {
    const host = createElectronHost(fakeBridge());
    await expect(host.openFile({ filters: [] })).resolves.toEqual({ canceled: true });
  });

  it('returns an opened file, and refuses one over maxBytes', async () => {
    const bytes = new Uint8Array(10);
    const host = createElectronHost(
      fakeBridge({ files: { open: () => ok({ canceled: false, name: '单位.xlsx', bytes }) } }),
    );
    await expect(host.openFile({ filters: [] })).resolves.toEqual({ canceled: false, name: '单位.xlsx', bytes });
    await expect(host.openFile({ filters: [], maxBytes: 9 })).rejects.toBeInstanceOf(HostError);
  });

  it('maps app:info to AppInfo with the Electron version as runtime', async () => {
    const host = createElectronHost(fakeBridge());
    expect(host.kind).toBe('electron');
    await expect(host.appInfo()).resolves.toEqual({
      version: '0.1.0',
      dataPath: 'C:\\Users\\x\\AppData',
      platform: 'win32',
      runtime: 'Electron 45.4.1',
    });
  });

  it('reveals files through files.reveal and surfaces its error', async () => {
    const bridge = fakeBridge();
    await createElectronHost(bridge).revealFile?.('C:\\a.docx');
    expect(bridge.files.reveal).toHaveBeenCalledWith({ path: 'C:\\a.docx' });
    const failing = createElectronHost(fakeBridge({ files: { reveal: () => fail('文件不存在') } }));
    await expect(failing.revealFile?.('C:\\b.docx')).rejects.toThrow('文件不存在');
  });

  it('prints through print.toPdf and reports where the PDF went', async () => {
    const bridge = fakeBridge();
    const host = createElectronHost(bridge);
    expect(await host.printToPdf({ route: 'print/minutes/m1', suggestedName: '纪要.pdf' })).toEqual({
      saved: true,
      path: 'C:\\文档\\纪要.pdf',
    });
    expect(bridge.print.toPdf).toHaveBeenCalledWith({ route: 'print/minutes/m1', suggestedName: '纪要.pdf' });
  });

  it('turns a refused print into a HostError with main’s message', async () => {
    const host = createElectronHost(fakeBridge({ print: { toPdf: vi.fn(() => fail('只能打印本程序的打印页面')) } }));
    await expect(host.printToPdf({ route: 'x', suggestedName: 'a.pdf' })).rejects.toThrow(
      new HostError('只能打印本程序的打印页面'),
    );
  });
});

describe('electron host: backups', () => {
  it("asks main to copy the database folder aside (DUR-6) and passes main's refusal on as a HostError", async () => {
    const bridge = fakeBridge();
    const r = await createElectronHost(bridge).backups.quarantineDatabase!();
    expect(bridge.backup.quarantineDb).toHaveBeenCalledTimes(1);
    expect(r).toMatchObject({ files: 5, bytes: 9 });
    const refused = createElectronHost(
      fakeBridge({
        backup: { quarantineDb: vi.fn(() => fail('未找到数据库文件夹，无法另存副本；原有文件未被改动。')) },
      }),
    );
    await expect(refused.backups.quarantineDatabase!()).rejects.toThrow(
      new HostError('未找到数据库文件夹，无法另存副本；原有文件未被改动。'),
    );
  });

  it('lists the pre-open copies and asks main to put one back at the next start (DUR-6)', async () => {
    const bridge = fakeBridge();
    const host = createElectronHost(bridge);
    expect(await host.backups.preOpenCopies!()).toEqual({
      copies: [{ id: '20261204-090000', createdAt: '2026-12-04T01:00:00.000Z', files: 6, bytes: 9 }],
      pending: null,
    });
    await host.backups.restorePreOpenCopy!('20261204-090000');
    expect(bridge.backup.preOpenRestore).toHaveBeenCalledWith({ id: '20261204-090000' });
    const refused = createElectronHost(
      fakeBridge({
        backup: { preOpenRestore: vi.fn(() => fail('该启动前副本不完整或已损坏，不能用于恢复；当前数据未被改动。')) },
      }),
    );
    await expect(refused.backups.restorePreOpenCopy!('20261204-090000')).rejects.toThrow(/不完整或已损坏/);
  });

  it("keeps a backup in main's folder through backup:write and reads one back by name", async () => {
    const bridge = fakeBridge();
    const host = createElectronHost(bridge);
    expect(host.backups.storage).toBe('folder');
    const bytes = new Uint8Array([1, 2]);
    await expect(
      host.backups.keep({ fileName: 'jointdesk-backup-20261202-103000-manual.zip', bytes }),
    ).resolves.toEqual({
      saved: true,
      path: 'D:\\备份\\b.zip',
      removed: ['old.zip'],
    });
    expect(bridge.backup.write).toHaveBeenCalledWith({ name: 'jointdesk-backup-20261202-103000-manual.zip', bytes });
    expect(await host.backups.readFromFolder('x.zip')).toEqual(new Uint8Array([7]));
    expect((await host.backups.folder())?.dir).toBe('D:\\备份');
  });

  it("answers main's quit request once the handler settles, ok or not", async () => {
    const bridge = fakeBridge();
    const host = createElectronHost(bridge);
    host.backups.onQuitRequest!(() => Promise.reject(new Error('disk full')));
    const registered = vi.mocked(bridge.backup.onQuitRequest).mock.calls[0]![0];
    registered();
    await vi.waitFor(() => expect(bridge.backup.quitDone).toHaveBeenCalledWith({ ok: false }));
  });

  it("a failed IPC call surfaces as a HostError with main's message", async () => {
    const host = createElectronHost(fakeBridge({ backup: { read: vi.fn(() => fail('备份文件夹中没有这个备份。')) } }));
    await expect(host.backups.readFromFolder('x.zip')).rejects.toThrow(new HostError('备份文件夹中没有这个备份。'));
  });

  it('gets the public key from main as bytes and asks main to open a sealed value', async () => {
    const bridge = fakeBridge();
    const host = createElectronHost(bridge);
    const key = await host.pii.publicKey();
    expect(key).toHaveLength(32);
    expect(key[31]).toBe(1);
    expect(await host.pii.open('pii1:AAAA')).toBe('{"name":"张三"}');
    expect(bridge.pii.open).toHaveBeenCalledWith({ sealed: 'pii1:AAAA' });
    await host.pii.open('pii1:AAAA', { topicId: 't-1', reason: '核实' });
    expect(bridge.pii.open).toHaveBeenLastCalledWith({ sealed: 'pii1:AAAA', topicId: 't-1', reason: '核实' });
    const refused = createElectronHost(fakeBridge({ pii: { open: vi.fn(() => fail('操作系统未提供加密存储')) } }));
    await expect(refused.pii.open('pii1:AAAA')).rejects.toThrow(new HostError('操作系统未提供加密存储'));
  });
});

describe('electron host: audit key and main’s head file', () => {
  it('gets the key as 32 bytes and passes heads to main as they are', async () => {
    const bridge = fakeBridge();
    const host = createElectronHost(bridge);
    const key = await host.audit!.key();
    expect(key).toHaveLength(32);
    expect(key[0]).toBe(7);
    expect(await host.audit!.readHead()).toEqual({ head: null });
    const head = { seq: 4, hash: 'ab'.repeat(32), keyedFrom: 2 };
    expect(await host.audit!.setHead(head)).toMatchObject(head);
    expect(bridge.audit.setHead).toHaveBeenCalledWith(head);
    await host.audit!.resetHead({ seq: 1, hash: 'cd'.repeat(32), reason: 'restore' });
    expect(bridge.audit.resetHead).toHaveBeenCalledWith({ seq: 1, hash: 'cd'.repeat(32), reason: 'restore' });
  });

  it('a head main refuses surfaces as a HostError with main’s message', async () => {
    const host = createElectronHost(fakeBridge({ audit: { setHead: vi.fn(() => fail('审计链头不能后退')) } }));
    await expect(host.audit!.setHead({ seq: 1, hash: 'ab'.repeat(32), keyedFrom: null })).rejects.toThrow(
      new HostError('审计链头不能后退'),
    );
  });
});
