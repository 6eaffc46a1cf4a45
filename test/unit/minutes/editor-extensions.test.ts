// @vitest-environment jsdom
import { Editor, type JSONContent } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import type { MinutesDoc, ResolutionAttrs } from '../../../shared/editor/document';
import { minutesDocSchema } from '../../../shared/editor/schema';
import { minutesExtensions } from '../../../renderer/src/features/minutes/editor/extensions';
import { shownHeadingLabels } from '../../../renderer/src/features/minutes/editor/extensions/numbered-heading';
import { listResolutions } from '../../../renderer/src/features/minutes/editor/extensions/resolution';
import { cleanPastedHtml } from '../../../renderer/src/features/minutes/editor/extensions/paste-cleanup';
import { findReplaceState } from '../../../renderer/src/features/minutes/editor/extensions/find-replace';
// the command types (setParagraph, undo, insertStandardPhrase …) come with these modules' declarations
import type {} from '@tiptap/starter-kit';
import type {} from '../../../renderer/src/features/minutes/editor/extensions/standard-phrases';
import { countDocWords, countWords } from '../../../renderer/src/features/minutes/editor/word-count';

// jsdom has no ClipboardEvent/DataTransfer: a paste event carrying a minimal clipboardData
class FakeClipboardEvent extends Event {
  clipboardData: { getData: (t: string) => string; types: string[] } | null;
  constructor(type: string, init: EventInit & { data?: Record<string, string> } = {}) {
    super(type, { bubbles: true, cancelable: true, ...init });
    const data = init.data ?? {};
    this.clipboardData = { getData: (t) => data[t] ?? '', types: Object.keys(data) };
  }
}
if (typeof globalThis.ClipboardEvent === 'undefined')
  (globalThis as unknown as { ClipboardEvent: unknown }).ClipboardEvent = FakeClipboardEvent;

/** A real paste event on the editor DOM (goes through handleDOMEvents.paste and ProseMirror's paste path). */
function paste(e: Editor, html: string, text = '') {
  const data: Record<string, string> = { 'text/html': html };
  if (text) data['text/plain'] = text;
  e.view.dom.dispatchEvent(new FakeClipboardEvent('paste', { data }));
}

const editors: Editor[] = [];
afterEach(() => {
  editors.splice(0).forEach((e) => e.destroy());
});

let seq = 0;
function makeEditor(content: MinutesDoc | JSONContent, o: { refused?: unknown[] } = {}): Editor {
  const element = document.createElement('div');
  document.body.appendChild(element);
  const e = new Editor({
    element,
    extensions: minutesExtensions({
      resolutionNodeView: false,
      makeResolutionId: () => `new-${++seq}`,
      onPasteRefused: (r) => o.refused?.push(r),
    }),
    content,
  });
  editors.push(e);
  return e;
}

const heading = (level: 1 | 2 | 3 | 4, text: string) => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const res = (id: string, content = '加强巡查'): { type: 'resolution'; attrs: ResolutionAttrs } => ({
  type: 'resolution',
  attrs: {
    id,
    content,
    leadUnitId: 'u1',
    coUnitIds: ['u2'],
    deadline: { kind: 'working_days', days: 5 },
    feedback: '每月报送',
  },
});

function valid(e: Editor): MinutesDoc {
  const json = e.getJSON();
  const r = minutesDocSchema.safeParse(json);
  if (!r.success) throw new Error(`${r.error.message}\n${JSON.stringify(json)}`);
  return r.data;
}

describe('numbered headings', () => {
  it('numbers by level and renumbers after reordering', () => {
    const e = makeEditor({
      type: 'doc',
      content: [
        heading(1, '甲'),
        heading(2, '甲一'),
        heading(2, '甲二'),
        heading(3, '细则'),
        heading(4, '款'),
        heading(1, '乙'),
        heading(2, '乙一'),
      ],
    });
    expect(shownHeadingLabels(e.state)).toEqual(['一、', '（一）', '（二）', '1.', '（1）', '二、', '（一）']);
    expect([...e.view.dom.querySelectorAll('.jd-heading-number')].map((n) => n.textContent)).toEqual([
      '一、',
      '（一）',
      '（二）',
      '1.',
      '（1）',
      '二、',
      '（一）',
    ]);
    // move the second level-1 heading ("乙") with its child to the top
    const doc = e.state.doc;
    let from = 0;
    doc.forEach((n, off, i) => {
      if (i === 5) from = off;
    });
    const slice = doc.slice(from, doc.content.size);
    e.view.dispatch(e.state.tr.delete(from, doc.content.size).insert(0, slice.content));
    expect(shownHeadingLabels(e.state)).toEqual(['一、', '（一）', '二、', '（一）', '（二）', '1.', '（1）']);
    expect(e.view.dom.querySelector('h1')?.textContent).toBe('一、乙');
    // the number is not in the text
    expect(e.getJSON().content?.[0]).toEqual(heading(1, '乙'));
    // level change renumbers too
    e.chain().setTextSelection(2).setParagraph().run();
    expect(shownHeadingLabels(e.state)).toEqual(['（一）', '一、', '（一）', '（二）', '1.', '（1）']);
    valid(e);
  });
});

describe('resolution ids', () => {
  it('a duplicated resolution inserted as JSON gets a fresh id', () => {
    const e = makeEditor({ type: 'doc', content: [res('r1'), para('正文')] });
    e.commands.insertContentAt(e.state.doc.content.size, res('r1', '加强巡查'));
    const ids = listResolutions(e).map((r) => r.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(ids[0]).toBe('r1'); // the original keeps its id
    expect(listResolutions(e)[1]).toMatchObject({ content: '加强巡查', leadUnitId: 'u1' });
    valid(e);
  });

  it('a copy inserted before the original still leaves the original its id', () => {
    const e = makeEditor({ type: 'doc', content: [para('开头'), res('r1')] });
    e.commands.insertContentAt(0, res('r1', '副本'));
    const list = listResolutions(e);
    expect(list.map((r) => r.content)).toEqual(['副本', '加强巡查']);
    expect(list[1]!.id).toBe('r1');
    expect(list[0]!.id).not.toBe('r1');
  });

  it('a pasted copy (clipboard HTML of the node) gets a fresh id; cut and paste keeps it', () => {
    const e = makeEditor({ type: 'doc', content: [res('r1'), para('正文')] });
    const html = e.getHTML();
    e.commands.setTextSelection(e.state.doc.content.size - 1);
    e.view.pasteHTML(html);
    let ids = listResolutions(e).map((r) => r.id);
    expect(ids.length).toBe(2);
    expect(new Set(ids).size).toBe(2);
    expect(ids).toContain('r1');
    // cut: delete the original, then paste its HTML → id kept
    const e2 = makeEditor({ type: 'doc', content: [res('r9'), para('正文')] });
    const html2 = e2.getHTML();
    e2.commands.deleteResolution('r9');
    e2.view.pasteHTML(html2);
    ids = listResolutions(e2).map((r) => r.id);
    expect(ids).toEqual(['r9']);
    valid(e2);
  });

  it('undo restores a deleted resolution with its id and attrs', () => {
    const e = makeEditor({ type: 'doc', content: [para('一'), res('r1'), para('二')] });
    e.view.dispatch(e.state.tr.setSelection(NodeSelection.create(e.state.doc, listPos(e, 'r1'))));
    e.commands.deleteSelection();
    expect(listResolutions(e)).toEqual([]);
    e.commands.undo();
    expect(listResolutions(e)).toEqual([res('r1').attrs]);
    // and via the command
    e.commands.deleteResolution('r1');
    expect(listResolutions(e)).toEqual([]);
    e.commands.undo();
    expect(listResolutions(e).map((r) => r.id)).toEqual(['r1']);
  });

  it('insertResolution / updateResolution write attrs that validate', () => {
    const e = makeEditor({ type: 'doc', content: [para('一')] });
    e.commands.insertResolution();
    const [r] = listResolutions(e);
    expect(r?.id).toMatch(/^new-/);
    e.commands.updateResolution(r!.id, {
      content: '开展联合执法',
      leadUnitId: 'u1',
      deadline: { kind: 'date', date: '2026-03-09' },
    });
    expect(listResolutions(e)[0]).toMatchObject({
      content: '开展联合执法',
      deadline: { kind: 'date', date: '2026-03-09' },
    });
    valid(e);
  });
});

describe('resolution keys', () => {
  it('Ctrl+Shift+R inserts a resolution and asks for its form; Enter on a selected card asks again', () => {
    const e = makeEditor({ type: 'doc', content: [para('正文')] });
    const asked: string[] = [];
    e.storage.resolution.editRequests.subscribe((id) => asked.push(id));
    e.commands.setTextSelection(2);
    const key = (init: KeyboardEventInit & { keyCode?: number }) =>
      e.view.dom.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    key({ key: 'R', code: 'KeyR', keyCode: 82, ctrlKey: true, shiftKey: true });
    const list = listResolutions(e);
    expect(list).toHaveLength(1);
    expect(asked).toEqual([list[0]!.id]);
    expect(e.state.selection).toBeInstanceOf(NodeSelection);
    key({ key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(asked).toEqual([list[0]!.id, list[0]!.id]);
    expect(listResolutions(e)).toHaveLength(1); // Enter did not split or replace the card
  });
});

function listPos(e: Editor, id: string): number {
  let at = -1;
  e.state.doc.forEach((n, off) => {
    if (n.type.name === 'resolution' && n.attrs.id === id) at = off;
  });
  return at;
}

const HOSTILE: [string, string][] = [
  ['script tag', '<p>前<script>window.__xss=1</script>后</p>'],
  ['on* handlers', '<p onclick="window.__xss=1" onmouseover="x()">点<b onload="y()">粗</b></p>'],
  ['javascript: link', '<p><a href="javascript:alert(1)">链接一</a></p>'],
  [
    'javascript: with tab and entity',
    '<p><a href="jav&#x09;ascript:alert(1)">链接二</a><a href=" JAVASCRIPT:alert(1)">三</a></p>',
  ],
  ['file: link', '<p><a href="file:///C:/Windows/win.ini">文件</a></p>'],
  ['data: link', '<p><a href="data:text/html;base64,PHNjcmlwdD4=">数据</a></p>'],
  ['vbscript link', '<p><a href="vbscript:msgbox(1)">vb</a></p>'],
  ['remote img', '<p>图<img src="http://evil.example/beacon.gif" onerror="window.__xss=1">片</p>'],
  [
    'file/javascript/data img',
    '<img src="file:///etc/passwd"><img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"><p>文</p>',
  ],
  [
    'iframe/svg/object',
    '<iframe src="https://evil.example"></iframe><svg><script>alert(1)</script></svg><object data="x.swf"></object><p>留</p>',
  ],
  [
    'style/font/colour',
    '<p style="color:red;font-family:宋体"><font color="red" face="Arial" size="7">红字</font><span style="background:yellow;font-size:40pt" class="big">大</span></p><style>p{color:red}</style>',
  ],
  [
    'Word mso junk',
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>@page WordSection1{mso-page-orientation:portrait}</style></head><body><!--StartFragment--><p class=MsoNormal style="mso-margin-top-alt:auto;mso-fareast-font-family:仿宋"><span lang=EN-US style="mso-bidi-font-size:10.5pt">会议纪要<o:p></o:p></span></p><p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">1.<span style="font:7.0pt Times New Roman">&nbsp;&nbsp;</span></span><![endif]>第一项</p><!--EndFragment--></body></html>',
  ],
  [
    'meta refresh / base / link',
    '<meta http-equiv="refresh" content="0;url=http://evil.example"><base href="http://evil.example/"><link rel="stylesheet" href="http://evil.example/x.css"><p>正文</p>',
  ],
  [
    'form controls',
    '<form action="http://evil.example"><input value="x"><button formaction="javascript:alert(1)">按钮</button></form><p>正文</p>',
  ],
];

const FORBIDDEN = [
  /<script/i,
  /on\w+=/i,
  /javascript:/i,
  /vbscript:/i,
  /file:/i,
  /data:/i,
  /<img/i,
  /<iframe/i,
  /<svg/i,
  /<object/i,
  /style=/i,
  /<font/i,
  /color/i,
  /class="(?!jd-)/i,
  /mso-/i,
  /o:p/i,
  /<meta/i,
  /<base/i,
  /<link/i,
  /<form/i,
  /<input/i,
  /<button/i,
  /evil\.example/i,
  /Arial|宋体/,
];

describe('paste cleanup', () => {
  it.each(HOSTILE)('%s: nothing hostile survives in the DOM or the JSON', (_name, html) => {
    const e = makeEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    paste(e, html);
    const dom = e.view.dom.innerHTML;
    const json = JSON.stringify(e.getJSON());
    for (const re of FORBIDDEN) {
      expect(dom, `DOM ${re}`).not.toMatch(re);
      expect(json, `JSON ${re}`).not.toMatch(re);
    }
    expect(e.view.dom.querySelector('img,script,iframe,svg,object,style,font,[style]')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    valid(e);
  });

  it('keeps text, structure and allowed formatting', () => {
    const e = makeEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    e.view.pasteHTML(
      '<h1 style="color:red">标题</h1><p><b>粗</b><i>斜</i><u>线</u><a href="https://gov.cn" target="_blank" class="x">政府网</a><a href="mailto:a@b.cn">邮件</a></p>' +
        '<ul><li>甲</li><li>乙</li></ul><ol start="3" type="a"><li>丙</li></ol>' +
        '<table><tr><th>表头</th><td colspan="2" style="width:9px">单元格</td></tr></table>' +
        '<p><span style="font-weight:bold">样式粗体</span></p>',
    );
    const doc = valid(e);
    const json = JSON.stringify(doc);
    expect(doc.content[0]).toEqual(heading(1, '标题'));
    for (const s of [
      '"bold"',
      '"italic"',
      '"underline"',
      'https://gov.cn',
      'mailto:a@b.cn',
      'bulletList',
      'orderedList',
      '"start":3',
      'tableHeader',
      '"colspan":2',
      '样式粗体',
    ])
      expect(json).toContain(s);
    expect(json).not.toContain('target');
    expect(e.view.dom.querySelector('a')?.getAttribute('target')).toBeNull();
  });

  it('Word paste keeps the text without the list-number junk', () => {
    const out = cleanPastedHtml(HOSTILE.find(([n]) => n === 'Word mso junk')![1]);
    expect(out).toBe('<p>会议纪要</p><p>第一项</p>');
  });

  it('removes XML-invalid characters from pasted text', () => {
    const e = makeEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    e.view.pasteHTML('<p>甲\uFFFE乙\u0001丙</p>');
    expect(e.getText()).toContain('甲乙丙');
    valid(e);
  });

  it('refuses a paste longer than MAX_PASTE_CHARS with a message', () => {
    const refused: unknown[] = [];
    const e = makeEditor({ type: 'doc', content: [para('原文')] }, { refused });
    paste(e, `<p>${'字'.repeat(200_001)}</p>`);
    expect(refused).toEqual([{ reason: 'too_long', length: 200_008, max: 200_000 }]);
    expect(e.getText()).toBe('原文');
    paste(e, '', '字'.repeat(200_001));
    e.view.pasteText('字'.repeat(200_001));
    e.view.pasteHTML(`<p>${'字'.repeat(200_001)}</p>`);
    expect(refused).toHaveLength(4);
    expect(e.getText()).toBe('原文');
  });

  it('a JSON link with a disallowed href is not rendered as a link target', () => {
    const e = makeEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    e.view.pasteHTML('<p><a href="https://ok.cn">好</a></p>');
    expect(e.view.dom.querySelector('a')?.getAttribute('href')).toBe('https://ok.cn');
  });
});

describe('find & replace', () => {
  it('finds across blocks and marks, steps, replaces one and all (one undo)', () => {
    const e = makeEditor({
      type: 'doc',
      content: [
        para('会议要求各单位加强巡查。'),
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '巡' },
            { type: 'text', text: '查工作', marks: [{ type: 'bold' }] },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [para('巡查、再巡查')] }] },
        res('r1', '开展执法'),
      ],
    });
    e.commands.setSearchQuery('巡查');
    expect(findReplaceState(e.state)?.matches).toHaveLength(4);
    // a match across a mark boundary is drawn as two spans
    expect(e.view.dom.querySelectorAll('.jd-search-match')).toHaveLength(5);
    expect(e.view.dom.querySelectorAll('.jd-search-match.is-current')).toHaveLength(1);
    e.commands.findNext();
    expect(findReplaceState(e.state)?.current).toBe(1);
    e.commands.findPrevious();
    e.commands.findPrevious();
    expect(findReplaceState(e.state)?.current).toBe(3);
    e.commands.replaceCurrent('检查');
    expect(findReplaceState(e.state)?.matches).toHaveLength(3);
    expect(e.getText()).toContain('巡查、再检查');
    e.commands.replaceAll('督查');
    expect(e.storage.findReplace.lastReplaceCount).toBe(3);
    expect(findReplaceState(e.state)?.matches).toHaveLength(0);
    expect(e.getText()).not.toContain('巡查');
    expect(e.getText()).toContain('督查工作');
    valid(e);
    e.commands.undo();
    expect(e.getText().match(/巡查/g)).toHaveLength(3);
    e.commands.setSearchQuery('ABC', false);
    e.commands.insertContentAt(1, 'abc Abc ');
    expect(findReplaceState(e.state)?.matches).toHaveLength(2);
    e.commands.setSearchQuery('ABC', true);
    expect(findReplaceState(e.state)?.matches).toHaveLength(0);
  });
});

describe('standard phrases', () => {
  it('inserts at the cursor and selects the placeholder', () => {
    const e = makeEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    e.commands.setTextSelection(1);
    e.commands.insertStandardPhrase('agreed');
    expect(e.getText()).toBe('会议议定，……');
    const { from, to } = e.state.selection;
    expect(e.state.doc.textBetween(from, to)).toBe('……');
    e.commands.insertContent('由综合执法办牵头');
    expect(e.getText()).toBe('会议议定，由综合执法办牵头');
    expect(e.commands.insertStandardPhrase('nope')).toBe(false);
  });
});

describe('attendance line', () => {
  it('round-trips with its label and validates', () => {
    const doc: MinutesDoc = {
      type: 'doc',
      content: [
        {
          type: 'attendanceLine',
          attrs: { role: 'leave', label: '请假' },
          content: [{ type: 'text', text: '张三、李四' }],
        },
      ],
    };
    const e = makeEditor(doc);
    expect(e.view.dom.textContent).toContain('请假：张三、李四');
    expect(valid(e)).toEqual(doc);
    const html = e.getHTML();
    const e2 = makeEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    e2.view.pasteHTML(html);
    expect(valid(e2).content[0]).toEqual(doc.content[0]);
  });
});

describe('word count', () => {
  it('counts each Chinese character and each other word', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('会议议定')).toBe(4);
    expect(countWords('会议议定，abc def 123。')).toBe(9);
    expect(countWords('𠮷野家 ok')).toBe(4);
    expect(countWords('  ,. ; ')).toBe(0);
  });

  it('counts the document including resolution content and feedback', () => {
    const e = makeEditor({ type: 'doc', content: [heading(1, '总体'), para('会议认为。'), res('r1', '加强巡查')] });
    // 总体(2) + 会议认为。(5) + 加强巡查(4) + 每月报送(4); heading numbers not counted
    expect(countDocWords(e.state.doc)).toBe(15);
  });
});
