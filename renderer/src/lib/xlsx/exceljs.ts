/**
 * The one place that imports exceljs. The default import works everywhere we run: Vite resolves the
 * package's `browser` field to the self-contained `dist/exceljs.min.js` (no Node built-ins), and Node
 * (Vitest, tsx) loads the CommonJS build, whose `module.exports` is the default export. A named or
 * namespace import would break in Node ESM, where a CommonJS module exposes only `default`.
 */
import ExcelJS from 'exceljs';

export default ExcelJS;
export type { CellValue, DataValidation, Workbook, Worksheet } from 'exceljs';
