import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PRINT_READY_ATTRIBUTE } from '../../../../../shared/ipc/contract';
import { minutesIssueText, minutesMarkText } from '../../../../../shared/export/docx/minutes';
import { getDataLayer } from '../../../db';
import { todayIso } from '../../../ui';
import { defaultOffice } from '../../meetings/documents/build-doc-input';
import { DEFAULT_DISTRIBUTION } from '../minutes-document';
import { MinutesPrintView, type MinutesPrintData } from './minutes-print-view';

const LOADING: State = { kind: 'loading' };

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; data: MinutesPrintData; meetingId: string }
  | { kind: 'error'; message: string };

/**
 * What the print view shows for one minutes record — the same inputs as its .docx (buildMinutesDocx):
 * the stored text (content-checked), the 印发 date once issued (else today's, with （草稿）), the saved
 * issuing office (else the same defaults the office form starts from), every unit's name.
 */
export async function loadMinutesPrint(minutesId: string): Promise<{ data: MinutesPrintData; meetingId: string }> {
  const dl = getDataLayer();
  const [loaded, units, office, profile] = await Promise.all([
    dl.minutes.load(minutesId),
    dl.units.list({ includeArchived: true }),
    dl.documentSettings.office(),
    dl.profiles.current(),
  ]);
  const m = loaded.minutes;
  const issued = m.state === 'issued';
  const date = m.issuedOn && issued ? m.issuedOn : todayIso();
  const o = office ?? defaultOffice(units, profile ?? undefined);
  return {
    meetingId: m.meetingId,
    data: {
      doc: loaded.content,
      header: {
        issuingOffice: o.name,
        date,
        ...(m.issueNumber !== undefined ? { issueNumber: m.issueNumber } : {}),
        ...(m.issueYear !== undefined ? { issueYear: m.issueYear } : {}),
      },
      unitNames: Object.fromEntries(units.map((u) => [u.id, u.name])),
      jointMeetingName: o.jointMeetingName,
      distribution: DEFAULT_DISTRIBUTION,
      printedBy: o.name,
      printedOn: date,
      draft: !issued,
    },
  };
}

/**
 * #/print/minutes/:minutesId — outside the app shell (no header, no navigation): the 纪要 laid out for
 * A4. When the text is on screen and the fonts are loaded it sets `<html data-print-ready="ready">`
 * (`error` when the record cannot be shown), which is what the host waits for before printing: main's
 * printToPDF in Electron, the iframe's print() in the browser. Opened by hand, it offers 打印 itself.
 */
export default function MinutesPrintPage() {
  const { minutesId = '' } = useParams();
  const { t } = useTranslation('minutesPrint');
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<{ id: string; state: State }>();
  // A result for another id (the route changed) counts as still loading.
  const state: State = loaded?.id === minutesId ? loaded.state : LOADING;

  useEffect(() => {
    let cancelled = false;
    loadMinutesPrint(minutesId).then(
      (r) => {
        if (!cancelled) setLoaded({ id: minutesId, state: { kind: 'ready', ...r } });
      },
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        if (!cancelled) setLoaded({ id: minutesId, state: { kind: 'error', message } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [minutesId]);

  // The PDF's title (and the browser's print job name) is the document's own.
  useEffect(() => {
    if (state.kind !== 'ready') return;
    const previous = document.title;
    document.title = `${minutesMarkText(state.data)}${minutesIssueText(state.data.header, state.data.draft)}`;
    return () => {
      document.title = previous;
    };
  }, [state]);

  // After the DOM is committed; fonts first, or the PDF could be laid out in a fallback face.
  useLayoutEffect(() => {
    const html = document.documentElement;
    if (state.kind === 'loading') {
      html.removeAttribute(PRINT_READY_ATTRIBUTE);
      return;
    }
    let cancelled = false;
    const mark = () => {
      if (!cancelled) html.setAttribute(PRINT_READY_ATTRIBUTE, state.kind === 'ready' ? 'ready' : 'error');
    };
    if (state.kind === 'ready' && document.fonts?.ready) void document.fonts.ready.then(mark, mark);
    else mark();
    return () => {
      cancelled = true;
      html.removeAttribute(PRINT_READY_ATTRIBUTE);
    };
  }, [state]);

  return (
    <div className="jd-print-page">
      <div className="jd-print-toolbar">
        {state.kind === 'ready' ? (
          <Button
            icon={<ArrowLeftOutlined aria-hidden />}
            onClick={() => navigate(`/meetings/${state.meetingId}/minutes`)}
          >
            {t('close')}
          </Button>
        ) : null}
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          disabled={state.kind !== 'ready'}
          onClick={() => window.print()}
        >
          {t('print')}
        </Button>
      </div>
      {state.kind === 'loading' ? (
        <div className="jd-print-message">
          <Spin description={t('loading')} />
        </div>
      ) : state.kind === 'error' ? (
        <div className="jd-print-message">
          <Alert type="error" showIcon title={t('failed', { message: state.message })} data-testid="print-error" />
        </div>
      ) : (
        <MinutesPrintView data={state.data} />
      )}
    </div>
  );
}
