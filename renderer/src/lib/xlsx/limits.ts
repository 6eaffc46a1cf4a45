/** Largest import file accepted (checked before anything is parsed). */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;
