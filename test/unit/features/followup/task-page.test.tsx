// @vitest-environment jsdom
import { App as AntApp } from 'antd';
import 'dayjs/locale/zh-cn';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Resolution, Unit, UserProfile, UserRole } from '../../../../shared/domain';
import { BUNDLED_CALENDAR } from '../../../../shared/domain/working-days';
import type { TaskDetail } from '../../../../renderer/src/db/repositories/followup';
import { setDataLayer } from '../../../../renderer/src/db/singleton';
import type { DataLayer } from '../../../../renderer/src/db/types';
import { TaskPage } from '../../../../renderer/src/features/followup/task-page';
import { initI18n } from '../../../../renderer/src/i18n';

/**
 * Dexie's live queries do not settle under vitest, so the hooks the page reads return fixed values; the
 * repository behind them has its own tests. Writes go to a recording fake of `followup`.
 */
const fixture = vi.hoisted(() => ({
  role: 'office_staff' as UserRole,
  unitId: undefined as string | undefined,
  task: undefined as unknown,
  attachments: new Map<string, unknown[]>(),
}));

vi.mock('../../../../renderer/src/db/hooks/use-profiles', () => ({
  useCurrentProfile: () => ({
    loading: false,
    profile: {
      id: 'p1',
      name: '徐华',
      unitName: '城关镇纪工委',
      role: fixture.role,
      ...(fixture.unitId ? { unitId: fixture.unitId } : {}),
      createdAt: '2026-11-01T00:00:00.000Z',
    } as UserProfile,
  }),
  useProfiles: () => [],
}));
vi.mock('../../../../renderer/src/db/hooks/use-calendar', () => ({
  useCalendar: () => ({ calendar: BUNDLED_CALENDAR, imported: [] }),
}));
vi.mock('../../../../renderer/src/db/hooks/use-units', () => ({
  useUnits: (): Unit[] =>
    (['u-lead', 'u-co', 'u-other'] as const).map(
      (id, i) =>
        ({
          id,
          name: ['城关镇综合行政执法队', '区自然资源局', '区市场监督管理局'][i]!,
          kind: 'township_office',
          archived: false,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        }) as unknown as Unit,
    ),
  useUnit: () => undefined,
}));
vi.mock('../../../../renderer/src/features/followup/use-followup', () => ({
  useTask: () => fixture.task,
  useTaskAttachments: () => fixture.attachments,
}));
vi.mock('../../../../renderer/src/features/meetings/documents', () => ({
  useOfficeInitial: () => undefined,
  OfficeFirstModal: () => null,
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
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // jsdom's Blob cannot read itself: the file picker reads a chosen file's first bytes.
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsArrayBuffer(this);
    });
  };
  localStorage.setItem('jointdesk.language', 'zh-CN');
  initI18n();
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  fixture.role = 'office_staff';
  fixture.unitId = undefined;
  fixture.attachments = new Map();
  setDataLayer(undefined);
});

const resolution = (patch: Partial<Resolution> = {}): Resolution => ({
  id: 'r1',
  meetingId: 'm1',
  minutesId: 'mn1',
  content: '大坪村沿街违法搭建雨棚由综合执法队依法立案查处',
  leadUnitId: 'u-lead',
  coUnitIds: ['u-co'],
  deadlineRule: { kind: 'working_days', days: 10 },
  deadline: '2099-03-20',
  state: 'in_progress',
  issuedOn: '2026-03-06',
  createdAt: '2026-03-06T00:00:00.000Z',
  updatedAt: '2026-03-06T00:00:00.000Z',
  ...patch,
});

const detail = (r: Resolution): TaskDetail => ({
  resolution: r,
  warning: { level: 'none', provisional: false },
  meeting: { id: 'm1', year: 2026, sequence: 1, kind: 'regular', startsAt: '2026-03-02T09:00' },
  issueNumber: 3,
  issueYear: 2026,
  events: [
    {
      id: 'e1',
      resolutionId: 'r1',
      kind: 'progress',
      on: '2026-03-10',
      unitId: 'u-lead',
      personName: '叶海燕',
      text: '已向当事人送达责令改正通知书。',
      percent: 40,
      createdAt: '2026-03-10T02:00:00.000Z',
    },
  ],
  minutesId: 'mn1',
});

async function render(task: TaskDetail): Promise<HTMLElement> {
  fixture.task = task;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root!.render(
      <AntApp>
        <MemoryRouter initialEntries={['/followup/r1']}>
          <Routes>
            <Route path="/followup/:id" element={<TaskPage />} />
          </Routes>
        </MemoryRouter>
      </AntApp>,
    ),
  );
  return container;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s/g, '');
const button = (el: ParentNode, text: string) =>
  [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => norm(b.textContent) === text);
const dialog = () => document.querySelector<HTMLElement>('.ant-modal-wrap:not([style*="display: none"]) .ant-modal')!;

async function click(el: HTMLElement | undefined): Promise<void> {
  expect(el).toBeDefined();
  await act(async () => {
    el!.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function eventually(check: () => void): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      check();
      return;
    } catch {
      await act(() => new Promise((r) => setTimeout(r, 20)));
    }
  }
  check();
}

function typeInto(area: HTMLTextAreaElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(area, value);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('task page', () => {
  it('shows the source, the deadline rule and the timeline', async () => {
    const el = await render(detail(resolution()));
    const text = norm(el.textContent);
    expect(text).toContain('2026年第一次定期联席会议');
    expect(text).toContain('会议纪要第3期（2026年）');
    expect(text).toContain('纪要印发后10个工作日内');
    expect(text).toContain('2099年3月20日');
    expect(text).toContain('区自然资源局');
    expect(el.querySelectorAll('[data-testid=task-event]')).toHaveLength(1);
    expect(el.querySelector('a[href="/meetings/m1/minutes"]')).not.toBeNull();
  });

  it('offers the steps the state allows; the ones the role may not take are disabled with the reason', async () => {
    fixture.role = 'office_staff';
    const el = await render(detail(resolution()));
    // 核验 needs 已办结待核验; 审批延期 a pending request; 提交党政联席会议 a 不能办结 first: not offered at all.
    expect(button(el, '核验')).toBeUndefined();
    expect(button(el, '审批延期')).toBeUndefined();
    expect(button(el, '提交党政联席会议')).toBeUndefined();
    expect(button(el, '催办')!.disabled).toBe(false);
    expect(button(el, '申报办结')!.disabled).toBe(true);
    expect(button(el, '申报办结')!.closest('[data-denied]')!.getAttribute('data-denied')).toContain('只有联络员');
  });

  it('a liaison acts only for its own unit’s task', async () => {
    fixture.role = 'liaison';
    fixture.unitId = 'u-other';
    let el = await render(detail(resolution()));
    expect(button(el, '报送进展')!.disabled).toBe(true);
    expect(button(el, '报送进展')!.closest('[data-denied]')!.getAttribute('data-denied')).toContain('本单位');
    act(() => root?.unmount());
    fixture.unitId = 'u-co';
    el = await render(detail(resolution()));
    expect(button(el, '报送进展')!.disabled).toBe(false);
    expect(button(el, '申请延期')!.disabled).toBe(false);
  });

  it('核验 by the supervisor: checked as you type, a failed verification is sent to the repository as such', async () => {
    fixture.role = 'supervisor';
    const verify = vi.fn(async () => resolution({ state: 'in_progress' }));
    setDataLayer({ followup: { verify } } as unknown as DataLayer);
    const el = await render(detail(resolution({ state: 'done_pending_verification' })));
    await click(button(el, '核验'));
    await click(button(dialog(), '保存'));
    await eventually(() => {
      expect(norm(dialog().textContent)).toContain('请选择核验结论');
      expect(norm(dialog().textContent)).toContain('请填写核验意见');
    });
    expect(verify).not.toHaveBeenCalled();
    const failed = [...dialog().querySelectorAll<HTMLInputElement>('input[type=radio]')].find(
      (r) => r.value === 'false',
    );
    await click(failed);
    typeInto(dialog().querySelector('textarea')!, '  实地查看，整改未到位。 ');
    await click(button(dialog(), '保存'));
    await eventually(() =>
      expect(verify).toHaveBeenCalledWith('r1', { passed: false, finding: '实地查看，整改未到位。' }),
    );
  });

  it('申请延期 asks for the date, offering only days after the current deadline', async () => {
    fixture.role = 'liaison';
    fixture.unitId = 'u-lead';
    const requestExtension = vi.fn();
    setDataLayer({ followup: { requestExtension } } as unknown as DataLayer);
    const el = await render(detail(resolution()));
    await click(button(el, '申请延期'));
    expect(norm(dialog().textContent)).toContain('现完成时限：2099年3月20日');
    typeInto(dialog().querySelector('textarea')!, '涉及多部门配合');
    await click(button(dialog(), '申请延期'));
    await eventually(() => expect(norm(dialog().textContent)).toContain('请选择拟延期日期'));
    expect(requestExtension).not.toHaveBeenCalled();
  });

  it('shows each event’s files in the timeline with a save button', async () => {
    fixture.attachments = new Map([
      [
        'e1',
        [
          {
            id: 'a1',
            ownerType: 'progress',
            ownerId: 'e1',
            fileName: '责令改正通知书.pdf',
            mimeType: 'application/pdf',
            size: 2048,
            createdAt: '2026-03-10T02:00:00.000Z',
          },
        ],
      ],
    ]);
    const el = await render(detail(resolution()));
    const files = el.querySelector('[data-testid=task-event] [data-testid=event-attachments]');
    expect(norm(files?.textContent)).toContain('附件（1）');
    expect(norm(files?.textContent)).toContain('责令改正通知书.pdf');
    expect(files?.querySelector('button[aria-label="保存附件 责令改正通知书.pdf"]')).not.toBeNull();
  });

  it('申报办结 offers a file picker and sends the chosen files with the 办结报告', async () => {
    fixture.role = 'liaison';
    fixture.unitId = 'u-lead';
    const claimDone = vi.fn(async () => resolution({ state: 'done_pending_verification' }));
    setDataLayer({ followup: { claimDone } } as unknown as DataLayer);
    const el = await render(detail(resolution()));
    await click(button(el, '申报办结'));
    expect(norm(dialog().textContent)).toContain('办结材料（可不填）');
    expect(norm(dialog().textContent)).toContain('每次最多10个');
    const input = dialog().querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], '办结报告.pdf', {
      type: 'application/pdf',
    });
    await act(async () => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    await eventually(() => expect(norm(dialog().textContent)).toContain('办结报告.pdf'));
    typeInto(dialog().querySelector('textarea')!, '已全部整改到位');
    await click(button(dialog(), '申报办结'));
    await eventually(() =>
      expect(claimDone).toHaveBeenCalledWith('r1', {
        text: '已全部整改到位',
        attachments: [{ fileName: '办结报告.pdf', mimeType: 'application/pdf', data: file }],
      }),
    );
  });
});
