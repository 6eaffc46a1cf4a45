import { FileExcelOutlined, FileWordOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addWorkingDays } from '../../../../shared/domain';
import { formatFeedbackIssue, type FeedbackFormSheets } from '../../../../shared/import/feedback-form';
import { getDataLayer } from '../../db';
import type { FeedbackPreview } from '../../db/repositories/feedback-form';
import { MAX_XLSX_BYTES } from '../../lib/xlsx/limits';
import { getHost } from '../../platform';
import {
  errorText,
  formatDisplayDate,
  Guarded,
  IsoDatePicker,
  todayIso,
  unitOptionsByKind,
  useReportError,
} from '../../ui';
import { DocumentPreviewModal } from '../documents';
import { OfficeFirstModal, useOfficeInitial } from '../meetings/documents';
import {
  buildUnitFeedbackForm,
  buildUnitNoticeDocx,
  readFilledFeedbackForm,
  unitExchangeFileName,
  type UnitTask,
} from './unit-exchange';
import { useUnitNames } from './use-unit-names';

/** The i18n namespace (renderer/src/i18n/locales/<lng>/unitExchange.json). */
export const UNIT_EXCHANGE_NS = 'unitExchange';

type Imported = { fileName: string; sheets: FeedbackFormSheets; preview: FeedbackPreview };

/**
 * 成员单位反馈 on the 督办 page: for a member unit without the app, choose the unit → 预览并导出任务通知 (.docx),
 * 导出反馈表 (.xlsx), and later 导入已填反馈表: the filled form is read through the guarded .xlsx path, every row
 * shown with what will be recorded (or every problem, by row and column), and recorded on 确认导入 in one go.
 */
export function UnitExchangeButton() {
  const { t } = useTranslation([UNIT_EXCHANGE_NS, 'common']);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<SwapOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="unit-exchange-open">
        {t('open')}
      </Button>
      {open ? <UnitExchangeModal onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function UnitExchangeModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation([UNIT_EXCHANGE_NS, 'common', 'units']);
  const { message } = App.useApp();
  const reportError = useReportError();
  const units = useUnitNames();
  const office = useOfficeInitial();
  const today = todayIso();
  const [unitId, setUnitId] = useState<string>();
  const [tasks, setTasks] = useState<UnitTask[]>();
  const [feedbackBy, setFeedbackBy] = useState<string>();
  // A deadline before today stays as typed, is said with the allowed range, and is not printed.
  const feedbackByPast = feedbackBy !== undefined && feedbackBy < today;
  const [formId, setFormId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState<'form' | 'read' | 'import'>();
  const [notice, setNotice] = useState(false);
  const [askingOffice, setAskingOffice] = useState<'notice' | 'form'>();
  const [imported, setImported] = useState<Imported>();

  const live = useMemo(() => units.units.filter((u) => !u.archived), [units.units]);
  const unitName = unitId ? units.name(unitId) : '';

  // Default 反馈截止日期: five working days from today.
  useEffect(() => {
    let cancelled = false;
    void getDataLayer()
      .calendar.calendar()
      .then((cal) => {
        if (!cancelled) setFeedbackBy((v) => v ?? addWorkingDays(today, 5, cal).date);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [today]);

  useEffect(() => {
    if (!unitId) return;
    let cancelled = false;
    getDataLayer()
      .followup.unitOpenTasks(unitId)
      .then((rows) => !cancelled && setTasks(rows))
      .catch(reportError);
    return () => {
      cancelled = true;
    };
  }, [unitId, reportError]);

  /** Another unit: its own tasks and a new form id (a form is bound to one unit). */
  const chooseUnit = (id: string) => {
    setUnitId(id);
    setTasks(undefined);
    setFormId(crypto.randomUUID());
  };

  const withOffice = (what: 'notice' | 'form', go: () => void) => (office?.saved ? go() : setAskingOffice(what));

  const exportForm = async () => {
    if (!unitId) return;
    setBusy('form');
    try {
      const built = await buildUnitFeedbackForm(unitId, formId, today, feedbackBy);
      const fileName = unitExchangeFileName('form', built.unitName, today);
      const saved = await getHost().saveFile({
        suggestedName: fileName,
        bytes: built.bytes,
        filters: [{ name: t('xlsxFilter'), extensions: ['xlsx'] }],
      });
      if (!saved.saved) return;
      await getDataLayer().followup.feedbackForms.recordExchangeExport({
        unitId,
        formId,
        fileName,
        tasks: built.tasks,
        document: '督办事项反馈表',
      });
      void message.success(t('formSaved', { name: fileName, count: built.tasks }));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const importForm = async () => {
    if (!unitId) return;
    let picked;
    try {
      picked = await getHost().openFile({
        filters: [{ name: t('xlsxFilter'), extensions: ['xlsx'] }],
        maxBytes: MAX_XLSX_BYTES,
      });
    } catch (e) {
      reportError(e);
      return;
    }
    if (picked.canceled) return;
    setBusy('read');
    try {
      const sheets = await readFilledFeedbackForm(picked.bytes, picked.name);
      const preview = await getDataLayer().followup.feedbackForms.previewFeedbackForm(sheets, unitId);
      setImported({ fileName: picked.name, sheets, preview });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const confirmImport = async () => {
    if (!unitId || !imported) return;
    setBusy('import');
    try {
      const done = await getDataLayer().followup.feedbackForms.importFeedbackForm(
        imported.sheets,
        unitId,
        imported.fileName,
      );
      setImported(undefined);
      void message.success(t('imported', { recorded: done.recorded, skipped: done.skipped }));
      setTasks(await getDataLayer().followup.unitOpenTasks(unitId));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const lead = tasks?.filter((x) => x.role === 'lead').length ?? 0;

  return (
    <>
      <Modal open title={t('title')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('unit')} htmlFor="unit-exchange-unit">
            <Select
              id="unit-exchange-unit"
              aria-label={t('unit')}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('unitPlaceholder')}
              value={unitId}
              onChange={chooseUnit}
              options={unitOptionsByKind(live, t)}
            />
          </Form.Item>
          <Form.Item
            label={t('feedbackBy')}
            htmlFor="unit-exchange-by"
            extra={t('feedbackByHint')}
            validateStatus={feedbackByPast ? 'error' : undefined}
            help={feedbackByPast ? t('feedbackByPast', { today: formatDisplayDate(today, i18n.language) }) : undefined}
          >
            <IsoDatePicker
              id="unit-exchange-by"
              aria-label={t('feedbackBy')}
              value={feedbackBy}
              min={today}
              onChange={setFeedbackBy}
            />
          </Form.Item>
        </Form>
        {unitId && tasks ? (
          <Alert
            type={tasks.length > 0 ? 'info' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              tasks.length > 0
                ? t('taskCount', { unit: unitName, count: tasks.length, lead, co: tasks.length - lead })
                : t('noTasks', { unit: unitName })
            }
          />
        ) : null}
        <Flex gap={8} wrap>
          <Button
            icon={<FileWordOutlined aria-hidden />}
            disabled={!unitId || !tasks || feedbackByPast}
            onClick={() => withOffice('notice', () => setNotice(true))}
          >
            {t('notice')}
          </Button>
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!unitId || !tasks || tasks.length === 0 || feedbackByPast}
            loading={busy === 'form'}
            onClick={() => withOffice('form', () => void exportForm())}
          >
            {t('form')}
          </Button>
          <Guarded action="task.progress">
            <Button
              type="primary"
              icon={<UploadOutlined aria-hidden />}
              disabled={!unitId}
              loading={busy === 'read'}
              onClick={() => void importForm()}
            >
              {t('import')}
            </Button>
          </Guarded>
        </Flex>
      </Modal>
      <OfficeFirstModal
        open={askingOffice !== undefined}
        title={t('officeFirst')}
        onSaved={() => {
          const what = askingOffice;
          setAskingOffice(undefined);
          if (what === 'notice') setNotice(true);
          else void exportForm();
        }}
        onClose={() => setAskingOffice(undefined)}
      />
      {unitId ? (
        <DocumentPreviewModal
          open={notice}
          title={t('noticePreview', { unit: unitName })}
          fileName={unitExchangeFileName('notice', unitName, today)}
          build={() => buildUnitNoticeDocx(unitId, today, feedbackBy)}
          onSaved={() => {
            getDataLayer()
              .followup.feedbackForms.recordExchangeExport({
                unitId,
                formId,
                fileName: unitExchangeFileName('notice', unitName, today),
                tasks: tasks?.length ?? 0,
                document: '任务通知',
              })
              .catch((e: unknown) => void message.error(errorText(e, t)));
          }}
          onClose={() => setNotice(false)}
        />
      ) : null}
      {imported ? (
        <ImportPreviewModal
          imported={imported}
          unitName={unitName}
          importing={busy === 'import'}
          onConfirm={() => void confirmImport()}
          onClose={() => setImported(undefined)}
        />
      ) : null}
    </>
  );
}

function ImportPreviewModal({
  imported,
  unitName,
  importing,
  onConfirm,
  onClose,
}: {
  imported: Imported;
  unitName: string;
  importing: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation([UNIT_EXCHANGE_NS, 'common']);
  const p = imported.preview;
  if (!p.ok) {
    const lines = p.issues.map(formatFeedbackIssue);
    return (
      <Modal
        open
        title={t('issuesTitle', { name: imported.fileName })}
        onCancel={onClose}
        footer={<Button onClick={onClose}>{t('common:actions.close')}</Button>}
        width={760}
      >
        <Alert type="error" showIcon title={t('issuesIntro', { count: lines.length })} style={{ marginBottom: 12 }} />
        <List
          size="small"
          bordered
          dataSource={lines}
          aria-label={t('issuesTitle', { name: imported.fileName })}
          renderItem={(line) => <List.Item>{line}</List.Item>}
          style={{ maxHeight: 360, overflow: 'auto' }}
        />
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={t('previewTitle', { unit: unitName })}
      onCancel={importing ? undefined : onClose}
      closable={!importing}
      width={960}
      footer={
        <Space>
          <Button onClick={onClose} disabled={importing}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="primary" onClick={onConfirm} loading={importing} disabled={p.toRecord === 0}>
            {t('confirm', { count: p.toRecord })}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        {t('previewIntro', {
          name: imported.fileName,
          record: p.toRecord,
          skip: p.rows.length - p.toRecord,
          blank: p.blankRows,
        })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="row"
        pagination={false}
        scroll={{ y: 420 }}
        aria-label={t('previewTitle', { unit: unitName })}
        dataSource={p.rows}
        columns={[
          { title: t('col.row'), dataIndex: 'row', width: 64 },
          { title: t('col.task'), dataIndex: 'content', width: 260 },
          {
            title: t('col.outcome'),
            key: 'outcome',
            width: 300,
            render: (_: unknown, r) => (r.already ? <Tag>{r.outcome}</Tag> : r.outcome),
          },
          { title: t('col.text'), dataIndex: 'text' },
        ]}
      />
    </Modal>
  );
}
