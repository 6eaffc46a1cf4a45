import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getHost } from '../../../platform';
import { useReportError } from '../../../ui';

/** `会议纪要-…（第5期）.docx` → `会议纪要-…（第5期）.pdf` (any name: its extension replaced, unsafe characters too). */
export function pdfFileName(fileName: string): string {
  const base = fileName.trim().replace(/\.(docx?|pdf)$/i, '') || '会议纪要';
  const safe = [...base.replace(/[\\/:*?"<>|]/g, '_')].map((c) => (c.charCodeAt(0) < 0x20 ? '_' : c)).join('');
  return `${safe}.pdf`;
}

export interface PrintMinutesButtonProps {
  minutesId: string;
  /** The export's file name (e.g. minutesFileName); the PDF gets the same name with .pdf. */
  fileName: string;
}

/**
 * 打印 / 存为 PDF: the minutes' print view (#/print/minutes/:id, GB/T 9704 layout) through the host —
 * Electron renders it to PDF and asks where to save it; the browser opens its print dialog on the view,
 * where the user chooses 另存为 PDF (or a printer).
 */
export function PrintMinutesButton({ minutesId, fileName }: PrintMinutesButtonProps) {
  const { t } = useTranslation('minutesPrint');
  const { message } = App.useApp();
  const reportError = useReportError();
  const [busy, setBusy] = useState(false);

  const print = async () => {
    const host = getHost();
    setBusy(true);
    const hint = host.kind === 'browser' ? message.info(t('browserHint'), 0) : undefined;
    try {
      const result = await host.printToPdf({
        route: `print/minutes/${minutesId}`,
        suggestedName: pdfFileName(fileName),
      });
      if (result.saved) {
        const path = result.path;
        void message.success({
          content: (
            <span>
              {t('saved')}
              {path && host.revealFile ? (
                <Button type="link" size="small" onClick={() => void host.revealFile?.(path).catch(reportError)}>
                  {t('show')}
                </Button>
              ) : null}
            </span>
          ),
        });
      }
    } catch (e) {
      reportError(e);
    } finally {
      hint?.();
      setBusy(false);
    }
  };

  return (
    <Tooltip title={t('buttonTip')}>
      <Button
        icon={<PrinterOutlined aria-hidden />}
        loading={busy}
        onClick={() => void print()}
        data-testid="print-minutes"
      >
        {t('button')}
      </Button>
    </Tooltip>
  );
}
