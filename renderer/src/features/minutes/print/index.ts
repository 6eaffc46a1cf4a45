export { PrintMinutesButton, pdfFileName, type PrintMinutesButtonProps } from './print-minutes-button';
