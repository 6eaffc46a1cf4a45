export { MeetingDocumentsPanel, type MeetingDocumentsPanelProps } from './meeting-documents-panel';
export {
  DocumentSettingsForm,
  DocumentSettingsSection,
  OfficeFirstModal,
  useOfficeInitial,
  type DocumentSettingsFormProps,
} from './document-settings-form';
