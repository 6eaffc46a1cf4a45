/** The editor's keyboard shortcuts as shown in tooltips and the help (the bindings live in the extensions). */
export const EDITOR_SHORTCUTS = {
  bold: 'Ctrl+B',
  italic: 'Ctrl+I',
  underline: 'Ctrl+U',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Y',
  heading1: 'Ctrl+Alt+1',
  heading2: 'Ctrl+Alt+2',
  heading3: 'Ctrl+Alt+3',
  heading4: 'Ctrl+Alt+4',
  paragraph: 'Ctrl+Alt+0',
  orderedList: 'Ctrl+Shift+7',
  bulletList: 'Ctrl+Shift+8',
  find: 'Ctrl+F',
  replace: 'Ctrl+H',
  insertResolution: 'Ctrl+Shift+R',
  editResolution: 'Enter',
  save: 'Ctrl+S',
  close: 'Esc',
} as const;

export type EditorShortcut = keyof typeof EDITOR_SHORTCUTS;
