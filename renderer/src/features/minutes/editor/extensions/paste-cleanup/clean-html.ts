import { isSafeHref } from '../../../../../../../shared/editor/schema';
import { sanitizeText } from '../../../../../../../shared/export/docx/text';

/** Elements dropped with everything inside them. */
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'TITLE',
  'HEAD',
  'BASE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'APPLET',
  'PARAM',
  'IMG',
  'PICTURE',
  'SOURCE',
  'VIDEO',
  'AUDIO',
  'TRACK',
  'CANVAS',
  'SVG',
  'MATH',
  'MAP',
  'AREA',
  'FORM',
  'INPUT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'OPTION',
  'DIALOG',
  'XML',
  'O:P',
  'V:SHAPE',
  'V:SHAPETYPE',
  'V:IMAGEDATA',
  'W:WORDDOCUMENT',
  'COLGROUP',
  'COL',
  'CAPTION',
]);

/** Elements kept (without their attributes, except the few listed in `keepAttrs`). */
const KEEP = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'UL',
  'OL',
  'LI',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'BR',
  'B',
  'STRONG',
  'I',
  'EM',
  'U',
  'A',
]);

/** Block containers that become paragraphs (their inline content is kept). */
const AS_PARAGRAPH = new Set(['H5', 'H6', 'BLOCKQUOTE', 'PRE', 'ADDRESS', 'DT', 'DD', 'FIGCAPTION']);

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

/** Word's list-number spans (`mso-list:Ignore`) and hidden runs are junk, not text. */
function isJunk(el: Element): boolean {
  const s = styleOf(el);
  return s.includes('mso-list:ignore') || s.includes('display:none') || s.includes('mso-hide:all');
}

function intAttr(el: Element, name: string, min: number, max: number): string | null {
  const v = el.getAttribute(name);
  if (v === null || !/^\d{1,4}$/.test(v.trim())) return null;
  const n = Number(v);
  return n >= min && n <= max ? String(n) : null;
}

/**
 * Cleans pasted HTML (Word, WPS, web pages) down to what the minutes schema holds: paragraphs, headings 1–4,
 * lists, tables, bold/italic/underline and http/https/mailto links. Fonts, colours, classes, styles, images,
 * scripts, event handlers, comments and Word's `o:p` / `mso-` markup are dropped; text is kept (cleaned of
 * XML-invalid characters). Bold/italic/underline given only as inline style (Google Docs, WPS) become tags.
 * Our own resolution/attendance blocks keep their data attributes (validated again when parsed).
 * Parsing uses an inert DOMParser document: nothing in the HTML runs or loads.
 */
export function cleanPastedHtml(html: string, parser: DOMParser = new DOMParser()): string {
  const src = parser.parseFromString(html, 'text/html');
  const out = src.implementation.createHTMLDocument('');
  const root = out.createElement('div');

  const copyChildren = (from: Node, to: Node) => {
    from.childNodes.forEach((c) => walk(c, to));
  };

  function walk(node: Node, parent: Node): void {
    if (node.nodeType === 3) {
      const t = sanitizeText(node.nodeValue ?? '');
      if (t) parent.appendChild(out.createTextNode(t));
      return;
    }
    if (node.nodeType !== 1) return; // comments, processing instructions, CDATA (<![if …]>)
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (DROP.has(tag) || tag.includes(':') || isJunk(el)) return;

    const type = el.getAttribute('data-type');
    if (tag === 'DIV' && type === 'resolution') {
      const d = out.createElement('div');
      d.setAttribute('data-type', 'resolution');
      const attrs = el.getAttribute('data-attrs');
      if (attrs !== null && attrs.length <= 20_000) d.setAttribute('data-attrs', attrs);
      d.textContent = el.textContent ?? '';
      parent.appendChild(d);
      return;
    }
    if (tag === 'P' && type === 'attendance-line') {
      const p = out.createElement('p');
      p.setAttribute('data-type', 'attendance-line');
      for (const a of ['data-role', 'data-label']) {
        const v = el.getAttribute(a);
        if (v !== null) p.setAttribute(a, sanitizeText(v).slice(0, 20));
      }
      const names = el.querySelector('[data-attendance-names]');
      const holder = out.createElement('span');
      holder.setAttribute('data-attendance-names', '');
      if (names) copyChildren(names, holder);
      else copyChildren(el, holder);
      p.appendChild(holder);
      parent.appendChild(p);
      return;
    }

    if (KEEP.has(tag)) {
      if (tag === 'A') {
        const href = (el.getAttribute('href') ?? '').trim();
        if (!isSafeHref(href)) return copyChildren(el, parent);
        const a = out.createElement('a');
        a.setAttribute('href', href);
        copyChildren(el, a);
        parent.appendChild(a);
        return;
      }
      if ((tag === 'B' || tag === 'STRONG') && /font-weight:(normal|[1-4]00)/.test(styleOf(el))) {
        // Google Docs wraps a whole paste in <b style="font-weight:normal">
        return copyChildren(el, parent);
      }
      const e = out.createElement(tag.toLowerCase());
      if (tag === 'TD' || tag === 'TH') {
        const cs = intAttr(el, 'colspan', 1, 100);
        const rs = intAttr(el, 'rowspan', 1, 1000);
        if (cs) e.setAttribute('colspan', cs);
        if (rs) e.setAttribute('rowspan', rs);
      }
      if (tag === 'OL') {
        const start = intAttr(el, 'start', 0, 9999);
        if (start) e.setAttribute('start', start);
      }
      copyChildren(el, e);
      parent.appendChild(e);
      return;
    }

    if (AS_PARAGRAPH.has(tag)) {
      const p = out.createElement('p');
      copyChildren(el, p);
      parent.appendChild(p);
      return;
    }

    // anything else (span, font, div, section, …): unwrap, keeping bold/italic/underline given by style
    const s = styleOf(el);
    let target: Node = parent;
    const wrap = (name: string) => {
      const w = out.createElement(name);
      target.appendChild(w);
      target = w;
    };
    if (tag === 'SPAN' || tag === 'FONT') {
      if (/font-weight:(bold|[6-9]00)/.test(s)) wrap('strong');
      if (s.includes('font-style:italic')) wrap('em');
      if (/text-decoration(-line)?:[^;]*underline/.test(s)) wrap('u');
    }
    if (
      tag === 'DIV' ||
      tag === 'SECTION' ||
      tag === 'ARTICLE' ||
      tag === 'HEADER' ||
      tag === 'FOOTER' ||
      tag === 'MAIN'
    ) {
      const blockChild = [...el.children].some((c) =>
        /^(P|H[1-6]|UL|OL|TABLE|DIV|SECTION|BLOCKQUOTE|PRE)$/.test(c.tagName.toUpperCase()),
      );
      if (!blockChild) {
        const p = out.createElement('p');
        copyChildren(el, p);
        parent.appendChild(p);
        return;
      }
    }
    copyChildren(el, target);
  }

  copyChildren(src.body, root);
  return root.innerHTML;
}
