import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ConvertedDocument {
  pdfPath: string;
  /** Plain text of the PDF (pdftotext -layout), to check what a reader would see. */
  text: string;
  /** Number of pages (from pdfinfo). */
  pages: number;
  /** soffice's stderr; a clean conversion has no "Error" in it. */
  stderr: string;
}

/**
 * Converts a .docx (or any document LibreOffice opens) to PDF with `soffice --headless` and extracts
 * its text with `pdftotext`: proof that the file opens in an office suite, and what it says. Each call
 * uses its own LibreOffice profile directory so parallel or leftover instances do not interfere.
 */
export async function convertToPdf(
  docPath: string,
  outDir = mkdtempSync(join(tmpdir(), 'jd-lo-')),
): Promise<ConvertedDocument> {
  const profile = mkdtempSync(join(tmpdir(), 'jd-lo-profile-'));
  const { stderr } = await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docPath],
    { timeout: 120_000 },
  );
  const pdfPath = join(outDir, `${basename(docPath, extname(docPath))}.pdf`);
  if (!existsSync(pdfPath) || statSync(pdfPath).size === 0) {
    throw new Error(`LibreOffice produced no PDF for ${docPath}: ${stderr}`);
  }
  const { stdout: text } = await run('pdftotext', ['-layout', pdfPath, '-'], { maxBuffer: 20 * 1024 * 1024 });
  const { stdout: info } = await run('pdfinfo', [pdfPath]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  return { pdfPath, text, pages, stderr };
}

/** Renders each PDF page to PNG (for looking at the layout); returns the PNG paths. */
export async function pdfToPngs(pdfPath: string, outPrefix: string, dpi = 80): Promise<string[]> {
  await run('pdftoppm', ['-png', '-r', String(dpi), pdfPath, outPrefix]);
  const { stdout } = await run('sh', ['-c', `ls ${outPrefix}*.png`]);
  return stdout.trim().split('\n').filter(Boolean);
}

/** Text without the spaces and line breaks pdftotext puts into justified CJK lines, for `includes` checks. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
