import { DeleteOutlined, FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDomainError } from '../../../../shared/domain/errors';
import { permission, type PermissionResult } from '../../../../shared/domain/permissions';
import {
  addWorkingDays,
  BUNDLED_CALENDAR,
  type WorkingDayCalendar,
  type YearSchedule,
} from '../../../../shared/domain/working-days';
import { BUNDLED_CALENDAR_SOURCE } from '../../../../shared/domain/working-days-data';
import { getDataLayer, useCalendar, useCurrentProfile } from '../../db';
import { MAX_SCHEDULE_BYTES } from '../../db/repositories/calendar-parse';
import { getHost } from '../../platform';
import {
  DeniedNotice,
  formatDisplayDate,
  formatWeekday,
  Guarded,
  IsoDatePicker,
  todayIso,
  toUserFacingError,
  useReportError,
} from '../../ui';

/** Shown in the format description, and what the paste box starts from. */
const EXAMPLE = `{
  "year": 2027,
  "holidays": [
    { "date": "2027-01-01", "name": "元旦" },
    { "date": "2027-02-06", "name": "春节" }
  ],
  "workdays": [
    { "date": "2027-02-14", "name": "春节" }
  ]
}`;

/** The reason the current user may not change the calendar, or undefined when they may. */
function useCalendarPermission(): PermissionResult | undefined {
  const { t } = useTranslation('settings');
  const { loading, profile } = useCurrentProfile();
  if (loading) return undefined;
  return profile ? permission(profile.role, 'settings.calendar') : { allowed: false, reason: t('calendar.noProfile') };
}

/**
 * 工作日日历: the years the deadlines are counted with (bundled 2004–2026, plus the office's imports),
 * 导入年度安排 from a file or pasted JSON, and a checker "date + N working days".
 */
export function CalendarSection() {
  const { t, i18n } = useTranslation(['settings', 'common']);
  const { message } = App.useApp();
  const reportError = useReportError();
  const state = useCalendar();
  const may = useCalendarPermission();
  const [importing, setImporting] = useState(false);
  // While the profile loads nothing is allowed, and there is nothing to say yet.
  const right = may ?? { allowed: false, reason: '' };
  const lng = i18n.language;

  const remove = (year: number) => {
    getDataLayer()
      .calendar.removeYear(year)
      .then(() => void message.success(t('settings:calendar.removed', { year })), reportError);
  };

  const columns: TableColumnsType<YearSchedule> = [
    {
      title: t('settings:calendar.year'),
      key: 'year',
      width: 120,
      render: (_, s) => (
        <Flex gap={4} align="center">
          {t('settings:calendar.yearValue', { year: s.year })}
          {BUNDLED_CALENDAR.coveredYears.has(s.year) ? (
            <Tooltip title={t('settings:calendar.replacesBundledHint')}>
              <Tag color="orange">{t('settings:calendar.replacesBundled')}</Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('settings:calendar.holidays'),
      key: 'holidays',
      render: (_, s) => t('settings:calendar.dayCount', { count: s.holidays.length }),
    },
    {
      title: t('settings:calendar.workdays'),
      key: 'workdays',
      render: (_, s) => t('settings:calendar.dayCount', { count: s.workdays.length }),
    },
    {
      title: t('settings:calendar.actions'),
      key: 'actions',
      width: 100,
      render: (_, s) => (
        <Guarded right={right}>
          <Popconfirm
            title={t('settings:calendar.removeConfirm', { year: s.year })}
            okText={t('common:actions.delete')}
            cancelText={t('common:actions.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(s.year)}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('settings:calendar.removeAria', { year: s.year })}
            >
              {t('common:actions.delete')}
            </Button>
          </Popconfirm>
        </Guarded>
      ),
    },
  ];

  const nextYear = Number(todayIso().slice(0, 4)) + 1;
  const nextYearMissing =
    state !== undefined && todayIso().slice(5) >= '10-01' && !state.calendar.coveredYears.has(nextYear);

  return (
    <Card
      id="calendar"
      title={t('settings:calendar.title')}
      extra={
        <Guarded right={right}>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('settings:calendar.import')}
          </Button>
        </Guarded>
      }
    >
      <Typography.Paragraph type="secondary">{t('settings:calendar.intro')}</Typography.Paragraph>
      {may ? <DeniedNotice right={may} /> : null}
      {nextYearMissing ? (
        <Alert
          type="warning"
          showIcon
          title={t('settings:calendar.nextYearMissing', { year: nextYear })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'bundled',
            label: t('settings:calendar.bundled'),
            children: t('settings:calendar.bundledValue', {
              first: BUNDLED_CALENDAR.firstYear,
              last: BUNDLED_CALENDAR.lastYear,
              source: BUNDLED_CALENDAR_SOURCE,
            }),
          },
          {
            key: 'covered',
            label: t('settings:calendar.covered'),
            children: state ? coveredText(state.calendar, t) : t('common:loading'),
          },
        ]}
      />
      <Typography.Text strong>{t('settings:calendar.importedTitle')}</Typography.Text>
      <Table<YearSchedule>
        size="small"
        style={{ marginTop: 8, marginBottom: 16 }}
        loading={state === undefined}
        pagination={false}
        rowKey="year"
        columns={columns}
        dataSource={state?.imported ?? []}
        locale={{ emptyText: t('settings:calendar.noneImported') }}
      />
      <DeadlineChecker calendar={state?.calendar} lng={lng} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}

/** 2004–2027年, or the runs when there are gaps (2004–2026年、2028年). */
function coveredText(cal: WorkingDayCalendar, t: (key: string, o?: Record<string, unknown>) => string): string {
  const years = [...cal.coveredYears].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of years) {
    const last = runs[runs.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs
    .map(([a, b]) =>
      a === b ? t('settings:calendar.yearValue', { year: a }) : t('settings:calendar.yearRange', { first: a, last: b }),
    )
    .join('、');
}

/** Pick a date and N: the due date N working days later, 暂定 when it reaches an uncovered year. */
function DeadlineChecker({ calendar, lng }: { calendar: WorkingDayCalendar | undefined; lng: string }) {
  const { t } = useTranslation('settings');
  const [start, setStart] = useState<string>(todayIso());
  const [days, setDays] = useState<number | null>(5);
  // Typed as is (no clamping): out of range or not a whole number is marked with the range, no result.
  const daysOk = days !== null && Number.isInteger(days) && days >= 0 && days <= 365;
  const result = calendar && daysOk ? addWorkingDays(start, days, calendar) : undefined;
  return (
    <div>
      <Typography.Text strong>{t('calendar.checker.title')}</Typography.Text>
      <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
        <IsoDatePicker
          value={start}
          onChange={(v) => v && setStart(v)}
          style={{ width: 160 }}
          aria-label={t('calendar.checker.start')}
        />
        <span>{t('calendar.checker.after')}</span>
        <InputNumber<number>
          value={days}
          onChange={(v) => setDays(v)}
          style={{ width: 90 }}
          status={days !== null && !daysOk ? 'error' : undefined}
          aria-invalid={(days !== null && !daysOk) || undefined}
          aria-label={t('calendar.checker.days')}
        />
        <span>{t('calendar.checker.unit')}</span>
        {days !== null && !daysOk ? (
          <Typography.Text type="danger" role="alert">
            {t('calendar.checker.range')}
          </Typography.Text>
        ) : null}
        {result ? (
          <Typography.Text data-testid="calendar-checker-result">
            {t('calendar.checker.result', {
              date: formatDisplayDate(result.date, lng),
              weekday: formatWeekday(result.date, lng),
            })}
          </Typography.Text>
        ) : null}
        {result?.provisional ? (
          <Tooltip title={t('calendar.checker.provisionalHint')}>
            <Tag color="warning">{t('calendar.checker.provisional')}</Tag>
          </Tooltip>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('calendar.checker.rule')}
      </Typography.Paragraph>
    </div>
  );
}

interface ImportProblem {
  message: string;
  details: readonly string[];
  detail?: string;
}

/** 导入年度安排: a file (through the host) or pasted JSON; every problem listed in Chinese. */
function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['settings', 'common']);
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [source, setSource] = useState<string | undefined>();
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    if (busy) return;
    setText('');
    setSource(undefined);
    setProblem(null);
    onClose();
  };

  const show = (e: unknown) => {
    const u = toUserFacingError(e, t);
    const details = isDomainError(e) && e.details && e.details.length > 1 ? e.details : [];
    setProblem({ message: u.message, details, ...(u.detail ? { detail: u.detail } : {}) });
  };

  const pick = async () => {
    setProblem(null);
    try {
      const picked = await getHost().openFile({
        filters: [{ name: t('settings:calendar.importModal.filter'), extensions: ['json'] }],
        maxBytes: MAX_SCHEDULE_BYTES,
      });
      if (picked.canceled) return;
      setText(new TextDecoder('utf-8').decode(picked.bytes));
      setSource(picked.name);
    } catch (e) {
      show(e);
    }
  };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      // Checked off the page's thread (the import worker: size cap, UTF-8, JSON, zod), then written in one transaction.
      const { readCalendarImport } = await import('../../lib/xlsx/read-calendar');
      const saved = await getDataLayer().calendar.importYear(await readCalendarImport(text));
      void message.success(
        t('settings:calendar.imported', {
          year: saved.year,
          holidays: saved.holidays.length,
          workdays: saved.workdays.length,
        }),
      );
      setBusy(false);
      setText('');
      setSource(undefined);
      onClose();
    } catch (e) {
      show(e);
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('settings:calendar.importModal.title')}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={close} disabled={busy}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="primary" loading={busy} disabled={text.trim() === ''} onClick={() => void submit()}>
            {t('settings:calendar.importModal.submit')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('settings:calendar.importModal.intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Button icon={<FolderOpenOutlined />} onClick={() => void pick()} disabled={busy}>
          {t('settings:calendar.importModal.pickFile')}
        </Button>
        {source ? (
          <Typography.Text type="secondary">
            {t('settings:calendar.importModal.fromFile', { name: source })}
          </Typography.Text>
        ) : null}
      </Flex>
      <Input.TextArea
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setSource(undefined);
        }}
        rows={10}
        placeholder={t('settings:calendar.importModal.placeholder')}
        aria-label={t('settings:calendar.importModal.textLabel')}
        style={{ fontFamily: 'monospace' }}
      />
      {problem ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={problem.message}
          description={
            problem.details.length > 0 || problem.detail ? (
              <>
                {problem.details.length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {problem.details.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                ) : null}
                {problem.detail}
              </>
            ) : undefined
          }
        />
      ) : null}
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'format',
            label: t('settings:calendar.format.title'),
            children: (
              <>
                <Typography.Paragraph>{t('settings:calendar.format.fields')}</Typography.Paragraph>
                <Typography.Paragraph>{t('settings:calendar.format.rules')}</Typography.Paragraph>
                <Typography.Paragraph>{t('settings:calendar.format.chineseDays')}</Typography.Paragraph>
                <Typography.Paragraph>
                  <Typography.Text strong>{t('settings:calendar.format.example')}</Typography.Text>
                </Typography.Paragraph>
                <pre style={{ margin: 0, padding: 8, background: 'rgba(0,0,0,0.04)', borderRadius: 4 }}>{EXAMPLE}</pre>
                <Button size="small" style={{ marginTop: 8 }} onClick={() => setText(EXAMPLE)}>
                  {t('settings:calendar.format.useExample')}
                </Button>
              </>
            ),
          },
        ]}
      />
    </Modal>
  );
}
