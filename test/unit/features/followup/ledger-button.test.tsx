// @vitest-environment jsdom
import { App as AntApp } from 'antd';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDataLayer } from '../../../../renderer/src/db/data-layer';
import { setDataLayer } from '../../../../renderer/src/db/singleton';
import { FollowupLedgerButton } from '../../../../renderer/src/features/followup/ledger-button';
import { initI18n } from '../../../../renderer/src/i18n';
import ExcelJS from '../../../../renderer/src/lib/xlsx/exceljs';
import { generateDemoDataset } from '../../../../shared/demo/generate';
import { freshDatabase } from '../../db/helpers';
import type * as Platform from '../../../../renderer/src/platform';
import type * as UiFormat from '../../../../renderer/src/ui/format';

const saved = vi.hoisted(() => ({ files: [] as { suggestedName: string; bytes: Uint8Array }[] }));
vi.mock('../../../../renderer/src/platform', async (importOriginal) => {
  const real = await importOriginal<typeof Platform>();
  return {
    ...real,
    getHost: () => ({
      saveFile: async (o: { suggestedName: string; bytes: Uint8Array }) => {
        saved.files.push(o);
        return { saved: true };
      },
    }),
  };
});
vi.mock('../../../../renderer/src/ui/format', async (importOriginal) => ({
  ...(await importOriginal<typeof UiFormat>()),
  todayIso: () => '2026-03-09',
}));

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let root: Root | undefined;
let container: HTMLElement | undefined;

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  localStorage.setItem('jointdesk.language', 'zh-CN');
  initI18n();
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  setDataLayer(undefined);
});

async function eventually(check: () => void): Promise<void> {
  for (let i = 0; i < 400; i++) {
    try {
      check();
      return;
    } catch {
      await act(async () => new Promise((r) => setTimeout(r, 20)));
    }
  }
  check();
}

describe('FollowupLedgerButton', () => {
  it('exports the two-sheet ledger through the host, audits it and says what was saved', async () => {
    const db = freshDatabase();
    const dl = createDataLayer(db, { now: () => new Date('2026-03-09T02:00:00.000Z') });
    await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
    await dl.demo.load(generateDemoDataset({ seed: 7, scale: 1, today: '2026-03-09' }));
    setDataLayer(dl);
    const tasks = (await db.resolutions.toArray()).filter((r) => r.state !== 'draft').length;

    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () =>
      root!.render(
        <AntApp>
          <FollowupLedgerButton />
        </AntApp>,
      ),
    );
    const button = container.querySelector<HTMLButtonElement>('[data-testid="followup-ledger-export"]')!;
    expect(button.textContent?.replace(/\s/g, '')).toBe('导出台账');
    await act(async () => button.click());
    await eventually(() => expect(saved.files).toHaveLength(1));
    expect(saved.files[0]!.suggestedName).toBe('督办事项台账-20260309.xlsx');
    await eventually(() => expect(document.body.textContent).toContain(`（${tasks} 项督办事项`));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved.files[0]!.bytes.slice().buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['督办事项台账', '办理记录']);
    expect(wb.worksheets[0]!.rowCount).toBe(2 + tasks);
    const last = (await db.audit.orderBy('seq').last())!;
    expect(last).toMatchObject({ action: 'export', after: { document: '督办事项台账', rows: tasks } });
  }, 60_000);
});
