import { ArrowLeftOutlined, FileWordOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { MINUTES_STATE_LABELS, isMinutesEditable, type Meeting, type Minutes } from '../../../../shared/domain';
import { meetingSessionName } from '../../../../shared/domain/minutes-template';
import type { MinutesDoc } from '../../../../shared/editor/document';
import type { QuarantineEntry } from '../../../../shared/editor/schema';
import { DocumentPreviewModal } from '../documents';
import { OfficeFirstModal, useOfficeInitial } from '../meetings/documents';
import { getDataLayer, usePermission, useUnits } from '../../db';
import { useLiveQuery } from 'dexie-react-hooks';
import { Page, formatDateTime, useReportError } from '../../ui';
import { MinutesEditor, ResolutionsPanel, type MinutesEditorApi } from './editor';
import { buildMinutesDocx, minutesFileName } from './minutes-document';
import { MinutesFlowActions } from './minutes-flow-actions';
import { MinutesTasks } from './minutes-tasks';
import { PrintMinutesButton } from './print';
import { useAutosave, useEditLock } from './use-autosave';
import { VersionsDrawer } from './versions-drawer';
import './minutes-page.css';

interface Loaded {
  content: MinutesDoc;
  quarantine: QuarantineEntry[];
  /** Set when the editor opened on an autosaved draft that had not been saved into the record. */
  recoveredAt?: string;
}

/** The editor, its status line and the review flow for one minutes record. */
export function MinutesWorkspace({ meeting, minutesId }: { meeting: Meeting; minutesId: string }) {
  const { t } = useTranslation(['minutesPage', 'common']);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  const minutes = useLiveQuery(() => getDataLayer().minutes.get(minutesId), [minutesId]);
  const units = useUnits({ includeArchived: true });
  const mayDraft = usePermission('minutes.draft');
  const owner = useEditLock(minutesId);
  const [loaded, setLoaded] = useState<Loaded>();
  // Bumped to remount the editor on new content (restore, discard, a save that re-numbered resolutions).
  const [editorKey, setEditorKey] = useState(0);
  const [api, setApi] = useState<MinutesEditorApi>();
  const latest = useRef<MinutesDoc | undefined>(undefined);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  // The 纪要's header needs the issuing office: asked for once, with defaults, before the first export.
  const office = useOfficeInitial();
  const [askingOffice, setAskingOffice] = useState(false);

  const editable = minutes ? isMinutesEditable(minutes) : false;
  const readOnly = !editable || owner !== true || !mayDraft.allowed;

  const apply = useCallback((l: Loaded) => {
    latest.current = l.content;
    setDirty(l.recoveredAt !== undefined);
    setLoaded(l);
    setEditorKey((k) => k + 1);
  }, []);
  const reload = useCallback((useDraft: boolean) => readContent(minutesId, useDraft).then(apply), [apply, minutesId]);

  useEffect(() => {
    let cancelled = false;
    readContent(minutesId, true)
      .then((l) => {
        if (!cancelled) apply(l);
      })
      .catch(reportError);
    return () => {
      cancelled = true;
    };
  }, [apply, minutesId, reportError]);

  const autosave = useAutosave({
    save: (doc) => getDataLayer().minutes.saveDraft(minutesId, doc),
    enabled: !readOnly,
  });

  // Stable callbacks: the editor and the 议定事项 panel are memoised, so the page's own re-renders (dirty,
  // autosave state) do not render a 50-page document's panel again.
  const { change: autosaveChange, flush: autosaveFlush } = autosave;
  const onChange = useCallback(
    (doc: MinutesDoc) => {
      latest.current = doc;
      setDirty(true);
      autosaveChange(doc);
    },
    [autosaveChange],
  );
  const onEditorBlur = useCallback(() => void autosaveFlush(), [autosaveFlush]);

  /** Writes the text into the record (audited, resolutions synced). Resolves false when it failed. */
  const save = useCallback(
    async (quiet = false): Promise<boolean> => {
      if (readOnly || !latest.current) return true;
      setSaving(true);
      try {
        await autosave.flush();
        const result = await getDataLayer().minutes.save(minutesId, latest.current);
        setDirty(false);
        setLoaded((l) => (l ? { content: result.content, quarantine: l.quarantine } : l));
        if (JSON.stringify(result.content) !== JSON.stringify(latest.current)) {
          latest.current = result.content;
          setEditorKey((k) => k + 1);
          void message.info(t('minutesPage:notice.pasteRenumbered'));
        }
        if (!quiet) void message.success(t('minutesPage:done.save'));
        return true;
      } catch (e) {
        reportError(e);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [autosave, message, minutesId, readOnly, reportError, t],
  );

  // Ctrl+S saves; leaving the page saves what is pending (the data layer outlives the component).
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  });
  useEffect(
    () => () => {
      if (dirtyRef.current) void saveRef.current(true);
    },
    [],
  );

  const unitOptions = useMemo(
    () => (units ?? []).map((u) => ({ id: u.id, name: u.name, archived: u.archived })),
    [units],
  );

  if (!minutes || !loaded || units === undefined) return <Skeleton active />;

  const lastReturn = [...(minutes.comments ?? [])].reverse().find((c) => c.kind === 'return');
  const correcting = minutes.state !== 'issued' && minutes.issuedOn !== undefined;
  const stateTag = (
    <Tag
      color={minutes.state === 'issued' ? 'green' : minutes.state === 'draft' ? 'default' : 'blue'}
      data-testid="minutes-state"
    >
      {correcting ? t('minutesPage:correcting') : t(`minutesPage:state.${minutes.state}`)}
    </Tag>
  );

  return (
    <Page
      title={
        <Space size={8} wrap>
          <span>{`${t('minutesPage:title')} · ${meetingSessionName(meeting)}`}</span>
          {stateTag}
          {minutes.issueNumber ? (
            <Tag color="red">{t('minutesPage:issueNumber', { year: minutes.issueYear, n: minutes.issueNumber })}</Tag>
          ) : null}
        </Space>
      }
      extra={
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/meetings/${meeting.id}`)}>
          {t('minutesPage:back')}
        </Button>
      }
    >
      <Flex gap={8} wrap className="jd-minutes-bar" align="center">
        {!readOnly ? (
          <Tooltip title="Ctrl+S">
            <Button
              type={dirty ? 'primary' : 'default'}
              icon={<SaveOutlined aria-hidden />}
              loading={saving}
              onClick={() => void save()}
            >
              {t('minutesPage:action.save')}
            </Button>
          </Tooltip>
        ) : null}
        <MinutesFlowActions minutes={minutes} beforeAction={() => save(true)} />
        <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setVersionsOpen(true)}>
          {t('minutesPage:action.versions')}
        </Button>
        <Button
          icon={<FileWordOutlined aria-hidden />}
          onClick={() => (office?.saved ? setExporting(true) : setAskingOffice(true))}
        >
          {t('minutesPage:action.export')}
        </Button>
        <PrintMinutesButton minutesId={minutesId} fileName={minutesFileName(meeting, minutes)} />
        <AutosaveLine status={autosave.status} dirty={dirty} readOnly={readOnly} />
      </Flex>

      <Notices
        minutes={minutes}
        loaded={loaded}
        owner={owner}
        mayDraftReason={mayDraft.allowed ? undefined : mayDraft.reason}
        lastReturn={lastReturn}
        onDiscard={() => {
          void getDataLayer()
            .minutes.discardDraft(minutesId)
            .then(() => reload(false))
            .catch(reportError);
        }}
      />

      <div className="jd-minutes-layout">
        <div className="jd-minutes-main">
          <MinutesEditor
            key={editorKey}
            content={loaded.content}
            readOnly={readOnly}
            units={unitOptions}
            onChange={onChange}
            onBlur={onEditorBlur}
            onReady={setApi}
          />
        </div>
        <aside className="jd-minutes-side">
          {api ? <ResolutionsPanel api={api} units={unitOptions} readOnly={readOnly} /> : null}
          {minutes.state === 'issued' || correcting ? <MinutesTasks minutesId={minutesId} units={unitOptions} /> : null}
        </aside>
      </div>

      <VersionsDrawer
        open={versionsOpen}
        minutes={minutes}
        current={() => latest.current ?? loaded.content}
        canRestore={!readOnly}
        onClose={() => setVersionsOpen(false)}
        onRestored={() => void reload(false)}
      />
      <OfficeFirstModal
        open={askingOffice}
        title={t('minutesPage:officeFirst')}
        onSaved={() => {
          setAskingOffice(false);
          setExporting(true);
        }}
        onClose={() => setAskingOffice(false)}
      />
      <DocumentPreviewModal
        open={exporting}
        title={t('minutesPage:action.export')}
        fileName={minutesFileName(meeting, minutes)}
        build={() => buildMinutesDocx(minutesId, latest.current)}
        onClose={() => setExporting(false)}
        onSaved={(r) => {
          void getDataLayer()
            .minutes.recordExport(minutesId, r.path ?? minutesFileName(meeting, minutes))
            .catch(reportError);
        }}
      />
    </Page>
  );
}

/** The record's text (content-checked), or the autosaved draft over it when one is left from a crash. */
async function readContent(minutesId: string, useDraft: boolean): Promise<Loaded> {
  const dl = getDataLayer();
  const [record, draft] = await Promise.all([dl.minutes.load(minutesId), dl.minutes.draft(minutesId)]);
  const fromDraft = useDraft && draft && isMinutesEditable(record.minutes) ? draft : undefined;
  return {
    content: fromDraft?.content ?? record.content,
    quarantine: record.quarantine,
    ...(fromDraft ? { recoveredAt: fromDraft.updatedAt } : {}),
  };
}

function AutosaveLine({
  status,
  dirty,
  readOnly,
}: {
  status: ReturnType<typeof useAutosave>['status'];
  dirty: boolean;
  readOnly: boolean;
}) {
  const { t } = useTranslation('minutesPage');
  if (readOnly) return null;
  const text =
    status.kind === 'saving'
      ? t('autosave.saving')
      : status.kind === 'saved'
        ? t('autosave.saved', { time: formatDateTime(status.at.toISOString()).slice(11) })
        : status.kind === 'failed'
          ? t('autosave.failed', { message: status.message })
          : t('autosave.idle');
  return (
    <Typography.Text
      type={status.kind === 'failed' ? 'danger' : 'secondary'}
      role="status"
      data-testid="autosave-status"
    >
      {text}
      {dirty && status.kind !== 'failed' ? ` · ${t('autosave.unsaved')}` : ''}
    </Typography.Text>
  );
}

function Notices({
  minutes,
  loaded,
  owner,
  mayDraftReason,
  lastReturn,
  onDiscard,
}: {
  minutes: Minutes;
  loaded: Loaded;
  owner: boolean | undefined;
  mayDraftReason: string | undefined;
  lastReturn: NonNullable<Minutes['comments']>[number] | undefined;
  onDiscard: () => void;
}) {
  const { t } = useTranslation('minutesPage');
  const items = [];
  if (loaded.recoveredAt) {
    items.push(
      <Alert
        key="recovered"
        type="warning"
        showIcon
        data-testid="recovered-notice"
        message={t('notice.recovered', { time: formatDateTime(loaded.recoveredAt) })}
        action={
          <Button size="small" onClick={onDiscard}>
            {t('notice.discard')}
          </Button>
        }
      />,
    );
  }
  if (owner === false) items.push(<Alert key="lock" type="info" showIcon message={t('notice.readOnlyLock')} />);
  if (!isMinutesEditable(minutes)) {
    items.push(
      <Alert
        key="state"
        type="info"
        showIcon
        message={t('notice.readOnlyState', { state: MINUTES_STATE_LABELS[minutes.state] })}
        description={
          minutes.signedByName && minutes.signedOn
            ? t('notice.signed', { name: minutes.signedByName, date: minutes.signedOn })
            : undefined
        }
      />,
    );
  } else if (mayDraftReason) {
    items.push(
      <Alert key="role" type="info" showIcon message={t('notice.readOnlyRole', { reason: mayDraftReason })} />,
    );
  }
  if (minutes.state === 'draft' && minutes.correctionReason && minutes.issuedOn) {
    items.push(
      <Alert
        key="corr"
        type="warning"
        showIcon
        message={t('notice.correction', { reason: minutes.correctionReason })}
      />,
    );
  }
  if (minutes.state === 'draft' && lastReturn) {
    items.push(
      <Alert
        key="ret"
        type="error"
        showIcon
        message={t('notice.returned', {
          name: lastReturn.byName,
          time: formatDateTime(lastReturn.on),
          text: lastReturn.text,
        })}
      />,
    );
  }
  if (loaded.quarantine.length > 0) {
    items.push(
      <Alert
        key="q"
        type="warning"
        showIcon
        message={t('notice.quarantine', {
          count: loaded.quarantine.length,
          list: loaded.quarantine
            .slice(0, 3)
            .map((q) => q.reason)
            .join('；'),
        })}
      />,
    );
  }
  return items.length > 0 ? (
    <Flex vertical gap={8} className="jd-minutes-notices">
      {items}
    </Flex>
  ) : null;
}
