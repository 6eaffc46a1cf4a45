import { describe, expect, it } from 'vitest';
import { cleanMinutesDoc, emptyMinutesDoc, minutesDocSchema } from '../../../../shared/editor/schema';
import type { MinutesDoc } from '../../../../shared/editor/document';

const valid: MinutesDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '关于执法争议' }] },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: '会议议定', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }],
    },
    {
      type: 'resolution',
      attrs: {
        id: 'r1',
        content: '整改',
        leadUnitId: 'u1',
        coUnitIds: ['u2'],
        deadline: { kind: 'working_days', days: 10 },
        feedback: '每月报送',
      },
    },
    {
      type: 'attendanceLine',
      attrs: { role: 'present', label: '出席' },
      content: [{ type: 'text', text: '张三、李四' }],
    },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '甲' }] }] }],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: 'paragraph' }] },
          ],
        },
      ],
    },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: '链接', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }],
    },
  ],
};

const p = (content: unknown[]) => ({ type: 'doc', content });
const hostile: [string, unknown, string][] = [
  ['script node', p([{ type: 'script', content: [{ type: 'text', text: '秘密文本' }] }]), '秘密文本'],
  [
    'on* attr',
    p([{ type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [{ type: 'text', text: '正文一' }] }]),
    '正文一',
  ],
  [
    'javascript link',
    p([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: '点我', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
      },
    ]),
    '点我',
  ],
  [
    'tab-split javascript',
    p([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: '点它', marks: [{ type: 'link', attrs: { href: 'jav\tascript:x' } }] }],
      },
    ]),
    '点它',
  ],
  [
    'file link',
    p([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: '文件', marks: [{ type: 'link', attrs: { href: 'file:///etc/passwd' } }] }],
      },
    ]),
    '文件',
  ],
  [
    'data link',
    p([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '数据', marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>' } }] },
        ],
      },
    ]),
    '数据',
  ],
  [
    'remote image',
    p([
      { type: 'image', attrs: { src: 'http://evil.example/beacon.png', alt: '图' } },
      { type: 'paragraph', content: [{ type: 'text', text: '后文' }] },
    ]),
    '后文',
  ],
  [
    'inline image',
    p([
      {
        type: 'paragraph',
        content: [
          { type: 'image', attrs: { src: 'file:///x' } },
          { type: 'text', text: '图后' },
        ],
      },
    ]),
    '图后',
  ],
  [
    'unknown mark',
    p([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: '彩色', marks: [{ type: 'textStyle', attrs: { color: 'red' } }] }],
      },
    ]),
    '彩色',
  ],
  [
    'iframe block',
    p([{ type: 'iframe', attrs: { src: 'https://x' }, content: [{ type: 'text', text: '框内' }] }]),
    '框内',
  ],
];

function deep(n: number): unknown {
  let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: '最深处' }] };
  for (let i = 0; i < n; i++)
    node = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, node] }] };
  return node;
}

describe('minutesDocSchema / cleanMinutesDoc', () => {
  it('a valid document round-trips unchanged with nothing quarantined', () => {
    expect(minutesDocSchema.safeParse(valid).success).toBe(true);
    const r = cleanMinutesDoc(structuredClone(valid));
    expect(r.doc).toEqual(valid);
    expect(r.quarantined).toEqual([]);
  });

  it.each(hostile)('%s: nothing hostile survives, text kept and quarantined', (_name, input, text) => {
    const r = cleanMinutesDoc(input);
    const json = JSON.stringify(r.doc);
    expect(minutesDocSchema.safeParse(r.doc).success).toBe(true);
    expect(json).not.toMatch(/script|onclick|javascript|file:|data:|image|iframe|evil|textStyle|color/i);
    expect(json).toContain(text);
    expect(r.quarantined.length).toBeGreaterThan(0);
  });

  it('stored unsafe text in quarantined entries is reported', () => {
    const r = cleanMinutesDoc(hostile[0]![1]);
    expect(r.quarantined[0]).toMatchObject({ path: 'content[0]', text: '秘密文本' });
  });

  it('deep nesting is flattened, text kept', () => {
    const r = cleanMinutesDoc(p([deep(40)]));
    expect(minutesDocSchema.safeParse(r.doc).success).toBe(true);
    expect(JSON.stringify(r.doc)).toContain('最深处');
    expect(r.quarantined.some((q) => q.reason === '嵌套过深')).toBe(true);
  });

  it('XML-invalid characters are removed from text', () => {
    const r = cleanMinutesDoc(p([{ type: 'paragraph', content: [{ type: 'text', text: 'a\u0001b\uFFFEc\uD800d' }] }]));
    expect(r.doc.content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'abcd' }] });
    expect(
      minutesDocSchema.safeParse(p([{ type: 'paragraph', content: [{ type: 'text', text: 'x\uFFFF' }] }])).success,
    ).toBe(false);
  });

  it('schema rejects images and bad links outright', () => {
    expect(minutesDocSchema.safeParse(p([{ type: 'image', attrs: { src: 'x' } }])).success).toBe(false);
    expect(
      minutesDocSchema.safeParse(
        p([
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:1' } }] }],
          },
        ]),
      ).success,
    ).toBe(false);
  });

  it('garbage input gives an empty valid doc; empty doc is valid', () => {
    expect(minutesDocSchema.safeParse(cleanMinutesDoc('nope').doc).success).toBe(true);
    expect(minutesDocSchema.safeParse(emptyMinutesDoc()).success).toBe(true);
  });
});
