export { DocumentPreviewModal, type DocumentPreviewModalProps } from './document-preview-modal';
