// @vitest-environment jsdom
import { Button, Popconfirm } from 'antd';
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserProfile, UserRole } from '../../../shared/domain';
import { DeniedNotice, Guarded, guardedMenuItem } from '../../../renderer/src/ui/guarded';

const fixture = vi.hoisted(() => ({ role: 'office_staff' as UserRole | undefined, unitId: 'u1' }));

vi.mock('../../../renderer/src/db/hooks/use-profiles', () => ({
  useCurrentProfile: () =>
    fixture.role
      ? {
          loading: false,
          profile: {
            id: 'p1',
            name: '王小明',
            unitName: '联席会议办公室',
            unitId: fixture.unitId,
            role: fixture.role,
            createdAt: '2026-11-01T00:00:00.000Z',
          } as UserProfile,
        }
      : { loading: true },
  useProfiles: () => [],
}));

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let root: Root | undefined;
let container: HTMLElement | undefined;

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  fixture.role = 'office_staff';
});

function render(ui: ReactElement): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(ui));
  return container;
}

const SUPERVISOR_REASON = '只有办公室工作人员可以受理议题；当前角色为“监督人员（纪工委/司法所）”';

describe('Guarded', () => {
  it('leaves the control alone for a role that may use it', () => {
    const onClick = vi.fn();
    const el = render(
      <Guarded action="topic.accept">
        <Button onClick={onClick}>受理</Button>
      </Guarded>,
    );
    const button = el.querySelector('button')!;
    expect(button.disabled).toBe(false);
    expect(el.querySelector('.jd-guarded')).toBeNull();
    act(() => button.click());
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('disables it for another role, with the reason from the permission rule', () => {
    fixture.role = 'supervisor';
    const onClick = vi.fn();
    const el = render(
      <Guarded action="topic.accept">
        <Button onClick={onClick}>受理</Button>
      </Guarded>,
    );
    const button = el.querySelector('button')!;
    expect(button.disabled).toBe(true);
    expect(el.querySelector('.jd-guarded')?.getAttribute('data-denied')).toBe(SUPERVISOR_REASON);
    act(() => button.click());
    expect(onClick).not.toHaveBeenCalled();
  });

  it('renders nothing with `hide`', () => {
    fixture.role = 'liaison';
    const el = render(
      <Guarded action="unit.create" hide>
        <Button>新增单位</Button>
      </Guarded>,
    );
    expect(el.querySelector('button')).toBeNull();
  });

  it('drops a refused Popconfirm, so nothing opens, and disables its button', () => {
    fixture.role = 'convener';
    const onConfirm = vi.fn();
    const el = render(
      <Guarded action="meeting.transition">
        <Popconfirm title="确认？" onConfirm={onConfirm}>
          <Button>标记为已通知</Button>
        </Popconfirm>
      </Guarded>,
    );
    const button = el.querySelector('button')!;
    expect(button.disabled).toBe(true);
    act(() => button.click());
    expect(document.querySelector('.ant-popover')).toBeNull();
    expect(el.querySelector('.jd-guarded')?.getAttribute('data-denied')).toContain(
      '只有办公室工作人员可以变更会议状态',
    );
  });

  it('refuses while the profile loads', () => {
    fixture.role = undefined;
    const el = render(
      <Guarded action="topic.submit">
        <Button>新增议题</Button>
      </Guarded>,
    );
    expect(el.querySelector('button')!.disabled).toBe(true);
    expect(el.querySelector('.jd-guarded')?.getAttribute('data-denied')).toBe('请先选择当前用户');
  });

  it('applies a liaison’s own-unit rule through ctx', () => {
    fixture.role = 'liaison';
    const el = render(
      <>
        <Guarded action="task.claim_done" ctx={{ targetUnitIds: ['u1', 'u2'] }}>
          <Button>own</Button>
        </Guarded>
        <Guarded action="task.claim_done" ctx={{ targetUnitIds: ['u3'] }}>
          <Button>other</Button>
        </Guarded>
      </>,
    );
    const [own, other] = [...el.querySelectorAll('button')];
    expect(own!.disabled).toBe(false);
    expect(other!.disabled).toBe(true);
    expect(el.querySelector('.jd-guarded')?.getAttribute('data-denied')).toContain('该任务不属于当前用户所在单位');
  });

  it('takes an answer already computed', () => {
    const el = render(
      <Guarded right={{ allowed: false, reason: '原因' }}>
        <Button>保存</Button>
      </Guarded>,
    );
    expect(el.querySelector('button')!.disabled).toBe(true);
    expect(el.querySelector('.jd-guarded')?.getAttribute('data-denied')).toBe('原因');
  });
});

describe('guardedMenuItem and DeniedNotice', () => {
  it('keeps, disables or drops a menu item', () => {
    const item = { key: 'remove', label: '移除' };
    expect(guardedMenuItem(item, { allowed: true })).toBe(item);
    expect(guardedMenuItem(item, { allowed: false, reason: 'r' }, true)).toBeNull();
    expect(guardedMenuItem(item, { allowed: false, reason: 'r' })).toMatchObject({ key: 'remove', disabled: true });
  });

  it('says the reason once, or nothing when allowed', () => {
    const el = render(
      <>
        <DeniedNotice right={{ allowed: true }} />
        <DeniedNotice right={{ allowed: false, reason: '只有办公室工作人员可以编辑议程' }} />
      </>,
    );
    expect(el.querySelectorAll('.ant-alert')).toHaveLength(1);
    expect(el.textContent).toContain('只有办公室工作人员可以编辑议程');
  });
});
