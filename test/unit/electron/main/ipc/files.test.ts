import type { BaseWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../../../../shared/ipc/contract';
import { createFileHandlers, type FilesContext } from '../../../../../electron/main/ipc/files';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jd-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const WINDOW = { id: 1 } as unknown as BaseWindow;
const filters = [{ name: 'Excel', extensions: ['xlsx'] }];

function context(overrides: Partial<FilesContext> = {}) {
  const showSaveDialog = vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: join(dir, '台账.xlsx') }));
  const showOpenDialog = vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: [join(dir, 'in.json')] }));
  const showItemInFolder = vi.fn();
  const ctx: FilesContext = {
    dialog: { showSaveDialog, showOpenDialog } as unknown as FilesContext['dialog'],
    shell: { showItemInFolder },
    fs: { writeFileAtomic: (p, b) => writeFileAtomic(p, b), stat: (p) => stat(p), readFile: (p) => readFile(p) },
    getWindow: () => WINDOW,
    defaultDirectory: () => '/home/user/Documents',
    savedPaths: new Set<string>(),
    ...overrides,
  };
  return { ctx, handlers: createFileHandlers(ctx), showSaveDialog, showOpenDialog, showItemInFolder };
}

describe('files:save-as', () => {
  it('asks where to save, modal to the window, then writes the bytes', async () => {
    const { handlers, showSaveDialog } = context();
    const result = await handlers['files:save-as']({
      suggestedName: '台账.xlsx',
      filters,
      bytes: new Uint8Array([7, 8]),
    });
    expect(result).toEqual({ saved: true, path: join(dir, '台账.xlsx') });
    expect([...(await readFile(join(dir, '台账.xlsx')))]).toEqual([7, 8]);
    const [win, options] = showSaveDialog.mock.calls[0] as [BaseWindow, SaveDialogOptions];
    expect(win).toBe(WINDOW);
    expect(options.defaultPath).toBe(join('/home/user/Documents', '台账.xlsx'));
    expect(options.filters).toEqual(filters);
  });

  it('uses a free-standing dialog when the window is gone', async () => {
    const { handlers, showSaveDialog } = context({ getWindow: () => null });
    await handlers['files:save-as']({ suggestedName: 'a.xlsx', filters, bytes: new Uint8Array([1]) });
    expect((showSaveDialog.mock.calls[0] as unknown[])[0]).toMatchObject({ defaultPath: expect.any(String) });
  });

  it('returns saved:false and writes nothing when the user cancels', async () => {
    const writeFileAtomicSpy = vi.fn();
    const { showSaveDialog, ctx } = context();
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const handlers = createFileHandlers({ ...ctx, fs: { ...ctx.fs, writeFileAtomic: writeFileAtomicSpy } });
    expect(await handlers['files:save-as']({ suggestedName: 'a.xlsx', filters, bytes: new Uint8Array() })).toEqual({
      saved: false,
    });
    expect(writeFileAtomicSpy).not.toHaveBeenCalled();
    expect(ctx.savedPaths.size).toBe(0);
  });

  it('overwrites an existing file completely', async () => {
    const { handlers } = context();
    await handlers['files:save-as']({ suggestedName: 'a.xlsx', filters, bytes: new Uint8Array(1000).fill(1) });
    await handlers['files:save-as']({ suggestedName: 'a.xlsx', filters, bytes: new Uint8Array([2]) });
    expect([...(await readFile(join(dir, '台账.xlsx')))]).toEqual([2]);
  });

  it('lets a write error surface (the registry turns it into a message)', async () => {
    const { handlers, showSaveDialog } = context();
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'missing-dir', 'a.xlsx') });
    await expect(
      handlers['files:save-as']({ suggestedName: 'a.xlsx', filters, bytes: new Uint8Array([1]) }),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('files:open', () => {
  it('reads the chosen file and returns plain bytes', async () => {
    const { handlers, showOpenDialog } = context();
    await writeFileAtomic(join(dir, 'in.json'), new TextEncoder().encode('{"a":1}'));
    const result = await handlers['files:open']({ filters });
    expect(result.canceled).toBe(false);
    expect(result.name).toBe('in.json');
    expect(result.bytes?.constructor).toBe(Uint8Array);
    expect(new TextDecoder().decode(result.bytes)).toBe('{"a":1}');
    const [, options] = showOpenDialog.mock.calls[0] as [BaseWindow, OpenDialogOptions];
    expect(options.properties).toEqual(['openFile']);
  });

  it('returns canceled when the user cancels', async () => {
    const { handlers, showOpenDialog } = context();
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handlers['files:open']({ filters })).toEqual({ canceled: true });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const readFileSpy = vi.fn();
    const { ctx } = context();
    const handlers = createFileHandlers({
      ...ctx,
      fs: { ...ctx.fs, stat: async () => ({ size: MAX_FILE_BYTES + 1, isFile: () => true }), readFile: readFileSpy },
    });
    await expect(handlers['files:open']({ filters })).rejects.toThrow(/文件过大（50\.0 MB），上限为 50 MB/);
    expect(readFileSpy).not.toHaveBeenCalled();
  });

  it('refuses a file that grew past the limit between stat and read', async () => {
    const { ctx } = context();
    const handlers = createFileHandlers({
      ...ctx,
      fs: {
        ...ctx.fs,
        stat: async () => ({ size: 10, isFile: () => true }),
        readFile: async () => new Uint8Array(MAX_FILE_BYTES + 1),
      },
    });
    await expect(handlers['files:open']({ filters })).rejects.toThrow(/文件过大/);
  });

  it('refuses a directory', async () => {
    const { handlers, showOpenDialog } = context();
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
    await expect(handlers['files:open']({ filters })).rejects.toThrow('所选路径不是文件');
  });
});

describe('files:reveal', () => {
  it('shows a file this session saved', async () => {
    const { handlers, showItemInFolder } = context();
    const saved = await handlers['files:save-as']({ suggestedName: 'a.xlsx', filters, bytes: new Uint8Array([1]) });
    expect(await handlers['files:reveal']({ path: saved.path ?? '' })).toEqual({ shown: true });
    expect(showItemInFolder).toHaveBeenCalledWith(join(dir, '台账.xlsx'));
  });

  it('matches the saved path after normalisation', async () => {
    const { handlers, showItemInFolder } = context();
    await handlers['files:save-as']({ suggestedName: 'a.xlsx', filters, bytes: new Uint8Array([1]) });
    await handlers['files:reveal']({ path: `${dir}/./sub/../台账.xlsx` });
    expect(showItemInFolder).toHaveBeenCalledWith(resolve(dir, '台账.xlsx'));
  });

  it.each(['/etc/passwd', 'C:\\Windows\\System32\\calc.exe', '\\\\server\\share\\x.exe', 'relative.docx'])(
    'refuses a path the app did not save: %s',
    async (path) => {
      const { handlers, showItemInFolder } = context();
      await expect(handlers['files:reveal']({ path })).rejects.toThrow('只能在文件夹中显示本次由本程序保存的文件');
      expect(showItemInFolder).not.toHaveBeenCalled();
    },
  );
});
