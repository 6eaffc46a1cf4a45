export { MinutesEditor, toMinutesDoc, type MinutesEditorApi, type MinutesEditorProps } from './minutes-editor';
export { ResolutionsPanel, type ResolutionsPanelProps } from './resolutions-panel';
export { ShortcutsHelp } from './shortcuts-help';
export { countWords } from './word-count';
