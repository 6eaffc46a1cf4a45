import { PRINT_ROUTE_PATTERN, type IpcContract, type IpcInput, type IpcOutput } from '../../../shared/ipc/contract';
import { UserFacingError } from '../services/user-facing-error';
import type { HandlersFor } from './register';

export interface PrintContext {
  /** The app page's URL (`app://jointdesk/index.html` or the dev server): the print route goes in its hash. */
  readonly appUrl: string;
  /** Renders an app URL to PDF bytes (windows/print-window.ts's createPdfRenderer). */
  readonly renderPdf: (url: string) => Promise<Uint8Array<ArrayBuffer>>;
  /** The existing save-file service (`files:save-as`): save dialog, atomic write, remembered path. */
  readonly saveAs: (input: IpcInput<'files:save-as'>) => Promise<IpcOutput<'files:save-as'>>;
}

export const PDF_FILTERS = [{ name: 'PDF 文件', extensions: ['pdf'] }];

/** `app://jointdesk/index.html#/print/minutes/<id>`: the route (validated again here) in the app page's hash. */
export function printPageUrl(appUrl: string, route: string): string {
  if (!PRINT_ROUTE_PATTERN.test(route)) throw new UserFacingError('只能打印本程序的打印页面。');
  const u = new URL(appUrl);
  u.hash = `/${route}`;
  return u.toString();
}

export function createPrintHandlers(ctx: PrintContext): HandlersFor<Pick<IpcContract, 'print:to-pdf'>> {
  return {
    'print:to-pdf': async ({ route, suggestedName }) => {
      const bytes = await ctx.renderPdf(printPageUrl(ctx.appUrl, route));
      return ctx.saveAs({ suggestedName, filters: PDF_FILTERS, bytes });
    },
  };
}
