import { Node, mergeAttributes } from '@tiptap/core';
import { NODE, type AttendanceRole } from '../../../../../../../shared/editor/document';

const ROLES: readonly AttendanceRole[] = ['present', 'leave', 'observer'];
const DEFAULT_LABEL: Record<AttendanceRole, string> = { present: '出席', leave: '请假', observer: '列席' };

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    attendanceLine: {
      /** Turns the current paragraph into a 出席/请假/列席 line (label defaults to the role's term). */
      setAttendanceLine: (role: AttendanceRole, label?: string) => ReturnType;
    };
  }
}

/**
 * The 出席 / 请假 / 列席 line: a non-editable bold label ("出席：") followed by the names as inline text.
 * attrs `{ role, label }` exactly as shared/editor/document.ts AttendanceLineNode.
 */
export const AttendanceLine = Node.create({
  name: NODE.attendanceLine,
  group: 'block',
  content: 'inline*',
  marks: 'bold italic underline',
  defining: true,

  addAttributes() {
    return {
      role: {
        default: 'present',
        parseHTML: (el) => {
          const r = el.getAttribute('data-role');
          return ROLES.includes(r as AttendanceRole) ? r : 'present';
        },
        renderHTML: (a) => ({ 'data-role': a.role as string }),
      },
      label: {
        default: '出席',
        parseHTML: (el) => (el.getAttribute('data-label') ?? '').slice(0, 20),
        renderHTML: (a) => ({ 'data-label': a.label as string }),
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'p[data-type="attendance-line"]',
        priority: 100,
        contentElement: (el) =>
          (el as HTMLElement).querySelector<HTMLElement>('[data-attendance-names]') ?? (el as HTMLElement),
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'p',
      mergeAttributes(HTMLAttributes, { 'data-type': 'attendance-line', class: 'jd-attendance-line' }),
      [
        'strong',
        { class: 'jd-attendance-label', 'data-attendance-label': '', contenteditable: 'false' },
        `${node.attrs.label as string}：`,
      ],
      ['span', { class: 'jd-attendance-names', 'data-attendance-names': '' }, 0],
    ];
  },

  addCommands() {
    return {
      setAttendanceLine:
        (role, label) =>
        ({ commands }) =>
          commands.setNode(this.name, { role, label: (label ?? DEFAULT_LABEL[role]).slice(0, 20) }),
    };
  },
});
