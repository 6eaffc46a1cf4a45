export { MeetingDocumentsPanel, type MeetingDocumentsPanelProps } from './meeting-documents-panel';
export {
  DocumentSettingsForm,
  DocumentSettingsSection,
  type DocumentSettingsFormProps,
} from './document-settings-form';
