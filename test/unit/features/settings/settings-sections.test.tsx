// @vitest-environment jsdom
import { App as AntApp } from 'antd';
import 'dayjs/locale/zh-cn';
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserProfile, UserRole } from '../../../../shared/domain';
import { BUNDLED_CALENDAR, mergeCalendar, type YearSchedule } from '../../../../shared/domain/working-days';
import { DEFAULT_MINUTES_WORDING, type MinutesTemplateWording } from '../../../../shared/domain/minutes-template';
import { CalendarSection } from '../../../../renderer/src/features/settings/calendar-section';
import { createDataLayer } from '../../../../renderer/src/db/data-layer';
import { setDataLayer } from '../../../../renderer/src/db/singleton';
import { MinutesTemplateSection } from '../../../../renderer/src/features/settings/minutes-template-section';
import { initI18n } from '../../../../renderer/src/i18n';
import { deterministicOptions, freshDatabase } from '../../db/helpers';

/**
 * Dexie's live queries do not settle under vitest, so the hooks the sections read are replaced by
 * fixed values; the repositories behind them have their own tests (test/unit/db/calendar.test.ts …).
 */
const fixture = vi.hoisted(() => ({
  role: 'office_staff' as UserRole,
  imported: [] as YearSchedule[],
  wording: undefined as MinutesTemplateWording | undefined,
}));

vi.mock('../../../../renderer/src/db/hooks/use-profiles', () => ({
  useCurrentProfile: () => ({
    loading: false,
    profile: {
      id: 'p1',
      name: '王小明',
      unitName: '联席会议办公室',
      role: fixture.role,
      createdAt: '2026-11-01T00:00:00.000Z',
    } as UserProfile,
  }),
  useProfiles: () => [],
}));
vi.mock('../../../../renderer/src/db/hooks/use-calendar', () => ({
  useCalendar: () => ({ calendar: mergeCalendar(BUNDLED_CALENDAR, fixture.imported), imported: fixture.imported }),
}));
vi.mock('../../../../renderer/src/db/hooks/use-minutes-wording', () => ({
  useMinutesWording: () => fixture.wording ?? DEFAULT_MINUTES_WORDING,
}));

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let root: Root | undefined;
let container: HTMLElement | undefined;

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  // antd's responsive helpers ask for matchMedia, which jsdom lacks.
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
  // Auto-sized text areas observe their size.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  localStorage.setItem('jointdesk.language', 'zh-CN');
  initI18n();
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  fixture.role = 'office_staff';
  fixture.imported = [];
  fixture.wording = undefined;
  setDataLayer(undefined);
  vi.useRealTimers();
});

/** Types into a React-controlled text area. */
function typeInto(area: HTMLTextAreaElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(area, value);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(button: HTMLButtonElement | undefined): Promise<void> {
  expect(button).toBeDefined();
  await act(async () => {
    button!.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function render(el: ReactElement): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<AntApp>{el}</AntApp>));
  return container;
}

/** Retries `check` while live queries settle. */
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

const buttonNamed = (el: HTMLElement, text: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '').includes(text));

describe('settings: 工作日日历', () => {
  it('shows the bundled years and, after an import, the imported year with 删除', async () => {
    const el = await render(<CalendarSection />);
    expect(el.textContent).toContain('尚未导入年度安排');
    expect(el.textContent).toContain('当前覆盖2004–2026年');
    expect(el.textContent).toContain('2004–2026年（随软件提供，数据来自 chinese-days@1.5.7）');
    await eventually(() => expect(buttonNamed(el, '导入年度安排')?.disabled).toBe(false));
    expect(el.querySelector('[data-testid="calendar-checker-result"]')?.textContent).toMatch(/^到期日：/);

    act(() => root?.unmount());
    container?.remove();
    fixture.imported = [{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }];
    const after = await render(<CalendarSection />);
    expect(after.textContent).toContain('当前覆盖2004–2027年');
    expect(after.textContent).toContain('1 天');
    expect(buttonNamed(after, '删除')?.disabled).toBe(false);
  });

  it('is read-only with the reason for a role that may not import', async () => {
    fixture.role = 'supervisor';
    const el = await render(<CalendarSection />);
    await eventually(() =>
      expect(el.textContent).toContain('只有办公室工作人员可以导入工作日历；当前角色为“监督人员（纪工委/司法所）”'),
    );
    expect(buttonNamed(el, '导入年度安排')?.disabled).toBe(true);
  });
});

describe('settings: 工作日日历 import and checker', () => {
  it('lists every problem of a pasted schedule in Chinese and writes nothing; a valid one is imported', async () => {
    const db = freshDatabase();
    const dl = createDataLayer(db, deterministicOptions());
    await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
    setDataLayer(dl);
    const el = await render(<CalendarSection />);
    await click(buttonNamed(el, '导入年度安排'));
    const area = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="年度安排 JSON"]')!;
    expect(area).not.toBeNull();
    expect(document.body.textContent).toContain('JSON 格式说明');

    typeInto(
      area,
      JSON.stringify({
        year: 2027,
        holidays: [{ date: '2027-02-30', name: '春节' }],
        workdays: [{ date: '2027-02-15', name: '春节' }],
      }),
    );
    await click(buttonNamed(document.body, '检查并导入'));
    await eventually(() =>
      expect(document.body.textContent).toContain('年度安排有误：放假第1项（2027-02-30）：不是有效日期 等2处'),
    );
    expect(document.body.textContent).toContain('调休上班第1项（2027-02-15）：调休上班日应为周六或周日');
    expect(await dl.calendar.imported()).toEqual([]);

    typeInto(area, '{ year: 2027 }');
    await click(buttonNamed(document.body, '检查并导入'));
    await eventually(() => expect(document.body.textContent).toContain('不是有效的 JSON'));

    typeInto(area, JSON.stringify({ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }));
    await click(buttonNamed(document.body, '检查并导入'));
    for (let i = 0; i < 50 && (await dl.calendar.imported()).length === 0; i++) {
      await act(() => new Promise((r) => setTimeout(r, 20)));
    }
    expect((await dl.calendar.imported()).map((s) => s.year)).toEqual([2027]);
    await eventually(() => expect(document.querySelector('textarea[aria-label="年度安排 JSON"]')).toBeNull());
  });

  it('the checker shows the due date, 暂定 while it reaches an uncovered year', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-28T02:00:00Z')); // Monday 10:00 in Shanghai
    let el = await render(<CalendarSection />);
    const result = () => el.querySelector('[data-testid="calendar-checker-result"]')?.textContent;
    // 12-29, 12-30, 12-31, 2027-01-01 (guessed a working day), 01-04.
    expect(result()).toBe('到期日：2027年1月4日（星期一）');
    const tags = () => [...el.querySelectorAll('.ant-tag')].map((t) => t.textContent);
    expect(tags()).toContain('暂定');
    expect(el.textContent).toContain('2027年放假调休安排尚未导入');

    act(() => root?.unmount());
    container?.remove();
    fixture.imported = [
      {
        year: 2027,
        holidays: ['01', '02', '03'].map((d) => ({ date: `2027-01-${d}`, name: '元旦' })),
        workdays: [],
      },
    ];
    el = await render(<CalendarSection />);
    expect(result()).toBe('到期日：2027年1月5日（星期二）');
    expect(tags()).not.toContain('暂定');
    expect(el.textContent).not.toContain('2027年放假调休安排尚未导入');
  });
});

describe('settings: 会议纪要模板', () => {
  it('previews the 导语 of the sample meeting with the saved wording', async () => {
    const el = await render(<MinutesTemplateSection />);
    const preview = () => el.querySelector('[data-testid="minutes-template-preview"]')?.textContent ?? '';
    await eventually(() =>
      expect(preview()).toContain(
        '2026年3月9日上午，镇党委副书记、镇长李建国在镇政府三楼会议室主持召开城关镇综合行政执法协调联席会议2026年第一次会议',
      ),
    );
    expect(preview()).toContain('现将会议议定事项纪要如下：');
    expect(preview()).toContain('请假：综合执法队赵海东');
    expect(el.textContent).toContain('默认：出席');

    expect(buttonNamed(el, '恢复默认')?.disabled).toBe(true);
    act(() => root?.unmount());
    container?.remove();
    fixture.wording = { ...DEFAULT_MINUTES_WORDING, leaveLabel: '请假人员', closing: '现纪要如下：' };
    const saved = await render(<MinutesTemplateSection />);
    const savedPreview = saved.querySelector('[data-testid="minutes-template-preview"]')?.textContent ?? '';
    expect(savedPreview).toContain('请假人员：综合执法队赵海东');
    expect(savedPreview).toContain('现纪要如下：');
    expect(buttonNamed(saved, '恢复默认')?.disabled).toBe(false);
  });

  it('disables the form for a convener or supervisor, with the reason', async () => {
    fixture.role = 'supervisor';
    const el = await render(<MinutesTemplateSection />);
    await eventually(() => expect(el.textContent).toContain('只有办公室工作人员可以修改纪要模板'));
    expect(buttonNamed(el, '保存')?.disabled).toBe(true);
    expect(el.querySelector('textarea')?.disabled).toBe(true);
  });
});
