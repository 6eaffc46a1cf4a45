// @vitest-environment jsdom
import { App as AntApp } from 'antd';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MinutesDoc } from '../../../shared/editor/document';
import { minutesDocSchema } from '../../../shared/editor/schema';
import { MinutesEditor, ResolutionsPanel, type MinutesEditorApi } from '../../../renderer/src/features/minutes/editor';
import { initI18n } from '../../../renderer/src/i18n';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
  initI18n();
  // antd and ProseMirror ask for these; jsdom has none
  window.matchMedia ??= ((q: string) => ({
    matches: false,
    media: q,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= () => undefined;
  document.elementFromPoint ??= () => null;
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

const UNITS = [
  { id: 'u1', name: '综合行政执法队' },
  { id: 'u2', name: '市场监管所' },
  { id: 'u3', name: '派出所', archived: true },
];

const DOC: MinutesDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '议定事项' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '会议认为，整治成效明显。' }] },
    {
      type: 'resolution',
      attrs: {
        id: 'r1',
        content: '开展占道经营专项整治',
        leadUnitId: 'u1',
        coUnitIds: ['u2'],
        deadline: { kind: 'date', date: '2026-03-09' },
        feedback: '每月25日前报送进展',
      },
    },
    {
      type: 'resolution',
      attrs: {
        id: 'r2',
        content: '',
        leadUnitId: '',
        coUnitIds: [],
        deadline: { kind: 'working_days', days: 5 },
        feedback: '',
      },
    },
  ],
};

/** Types into a React-controlled input (the native setter, then an input event). */
function type(value: string, input: HTMLInputElement) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Polls (inside act) until `check` passes or 3 s have gone. */
async function waitFor(check: () => void) {
  const until = Date.now() + 3000;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await act(async () => {
        await new Promise((r) => setTimeout(r, 30));
      });
    }
  }
}

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

async function mount(readOnly: boolean, withPanel = false) {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  const changes: MinutesDoc[] = [];
  let api: MinutesEditorApi | null = null;
  function Page() {
    return (
      <AntApp>
        <MinutesEditor
          content={DOC}
          readOnly={readOnly}
          units={UNITS}
          onChange={(d) => changes.push(d)}
          onReady={(a) => {
            api = a;
          }}
        />
      </AntApp>
    );
  }
  await act(async () => {
    root!.render(<Page />);
  });
  if (withPanel) {
    const panelHost = document.createElement('div');
    host.appendChild(panelHost);
    const panelRoot = createRoot(panelHost);
    await act(async () => {
      panelRoot.render(
        <AntApp>
          <ResolutionsPanel api={api} units={UNITS} readOnly={readOnly} />
        </AntApp>,
      );
    });
    const prev = root;
    root = { ...prev, unmount: () => (panelRoot.unmount(), prev!.unmount()) } as Root;
  }
  return { changes, api: () => api!, host };
}

describe('MinutesEditor', () => {
  it('renders the sheet, numbered heading, resolution cards, toolbar and word count', async () => {
    const { host, api } = await mount(false);
    expect(api()).toBeTruthy();
    const prose = host.querySelector('.jd-minutes-prose')!;
    expect(prose.getAttribute('contenteditable')).toBe('true');
    expect(host.querySelector('h1')?.textContent).toBe('一、议定事项');
    const cards = host.querySelectorAll('.jd-resolution-card');
    expect(cards).toHaveLength(2);
    const first = cards[0]!.textContent!;
    for (const s of [
      '议定事项',
      '开展占道经营专项整治',
      '综合行政执法队',
      '市场监管所',
      '于2026年3月9日前完成',
      '每月25日前报送进展',
    ])
      expect(first).toContain(s);
    expect(cards[1]!.textContent).toContain('印发后 5 个工作日内完成');
    expect(cards[1]!.textContent).toContain('（尚未填写议定内容）');
    for (const label of [
      '撤销',
      '重做',
      '加粗',
      '倾斜',
      '下划线',
      '项目符号列表',
      '编号列表',
      '表格',
      '插入议定事项',
      '常用语',
      '查找和替换',
      '快捷键帮助',
    ])
      expect(host.querySelector(`[aria-label="${label}"]`), label).not.toBeNull();
    // 议定事项(4) + 会议认为，整治成效明显。(12) + resolution content (10) and feedback (9)
    expect(host.querySelector('.jd-minutes-wordcount')?.textContent).toBe('字数 35');
  });

  it('loads stored JSON through the content check: a disallowed link or unknown node does not reach the editor', async () => {
    host = document.createElement('div');
    document.body.appendChild(host);
    root = createRoot(host);
    let api: MinutesEditorApi | null = null;
    const hostile = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: '点我', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
        },
        { type: 'image', attrs: { src: 'http://evil.example/x.png' } },
      ],
    } as unknown as MinutesDoc;
    await act(async () => {
      root!.render(
        <AntApp>
          <MinutesEditor
            content={hostile}
            readOnly={false}
            units={UNITS}
            onChange={() => undefined}
            onReady={(a) => (api = a)}
          />
        </AntApp>,
      );
    });
    const json = JSON.stringify(api!.getJSON());
    expect(json).not.toMatch(/javascript:|evil\.example|image/);
    expect(json).toContain('点我');
    expect(host.querySelector('a, img')).toBeNull();
    expect(minutesDocSchema.safeParse(api!.getJSON()).success).toBe(true);
  });

  it('read-only: no toolbar, not editable, cards do not open the form', async () => {
    const { host, api } = await mount(true);
    expect(host.querySelector('.jd-minutes-toolbar')).toBeNull();
    expect(host.querySelector('.jd-minutes-prose')?.getAttribute('contenteditable')).toBe('false');
    expect(api().insertResolution()).toBe('');
    await act(async () => {
      (host.querySelector('.jd-resolution-body') as HTMLElement).click();
    });
    expect(host.querySelector('.jd-resolution-form')).toBeNull();
  });

  it('api: insertResolution opens the form; changes are reported as schema-valid documents', async () => {
    const { host, api, changes } = await mount(false);
    let id = '';
    await act(async () => {
      id = api().insertResolution();
    });
    expect(id).not.toBe('');
    // the cursor is in the first block (the heading): the new card goes right after it
    expect(
      api()
        .resolutions()
        .map((r) => r.id),
    ).toEqual([id, 'r1', 'r2']);
    const form = host.querySelector(`[data-resolution-id="${id}"] .jd-resolution-form`);
    expect(form).not.toBeNull();
    // submitting empty shows the Chinese messages
    await act(async () => {
      (form!.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    });
    await waitFor(() => {
      expect(form!.textContent).toContain('请填写议定内容');
      expect(form!.textContent).toContain('请选择牵头单位');
    });
    // working days validate as you type, in Chinese
    await act(async () => {
      (form!.querySelector('input[type="radio"][value="working_days"]') as HTMLInputElement).click();
    });
    const days = form!.querySelector('input[aria-label="工作日数"]') as HTMLInputElement;
    expect(days).not.toBeNull();
    await act(async () => {
      type('400', days);
    });
    await waitFor(() => expect(form!.textContent).toContain('请输入 1 至 365 之间的整数'));
    await act(async () => {
      type('12', days);
    });
    await waitFor(() => expect(form!.textContent).not.toContain('请输入 1 至 365 之间的整数'));
    expect(changes.length).toBeGreaterThan(0);
    expect(minutesDocSchema.safeParse(changes.at(-1)).success).toBe(true);
    await act(async () => {
      api().updateResolution(id, { content: '建立联合巡查机制', leadUnitId: 'u2' });
    });
    expect(minutesDocSchema.safeParse(api().getJSON()).success).toBe(true);
    expect(changes.at(-1)?.content.some((b) => b.type === 'resolution' && b.attrs.content === '建立联合巡查机制')).toBe(
      true,
    );
  });

  it('resolutions panel lists, edits through the api and deletes', async () => {
    const { host, api } = await mount(false, true);
    const panel = host.querySelector('.jd-resolutions-panel')!;
    expect(panel.textContent).toContain('议定事项（2）');
    expect(panel.textContent).toContain('开展占道经营专项整治');
    expect(panel.textContent).toContain('牵头单位：综合行政执法队');
    expect(panel.textContent).toContain('于2026年3月9日前完成');
    await act(async () => {
      (panel.querySelector('.jd-resolutions-locate') as HTMLButtonElement).click();
    });
    expect(api().editor.state.selection.from).toBe(
      api().editor.state.doc.child(0).nodeSize + api().editor.state.doc.child(1).nodeSize,
    );
    await act(async () => {
      api().deleteResolution('r2');
    });
    expect(panel.textContent).toContain('议定事项（1）');
    await act(async () => {
      api().editor.commands.undo();
    });
    expect(panel.textContent).toContain('议定事项（2）');
  });
});
