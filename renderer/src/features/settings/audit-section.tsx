import { DownloadOutlined, LeftOutlined, RightOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDITED_ENTITIES, type AuditEntry } from '../../../../shared/domain/audit';
import type { AuditTrailFilter } from '../../db/repositories/audit';
import { AuditVerifyProgress, AuditVerifyResult, useAuditVerify } from '../../ui';
import { AuditEntryDrawer } from './audit-entry-drawer';
import { useAuditText } from './use-audit-text';
import {
  AUDIT_TRAIL_NS,
  describeAuditFilter,
  useAuditActors,
  useAuditHeadSeq,
  useAuditTrailExport,
  useAuditTrailPage,
  type AuditExportProgress,
} from './use-audit-trail';

function percentOf(p: AuditExportProgress): number {
  if (p.phase === 'saving') return 100;
  const share = p.total > 0 ? p.done / p.total : 0;
  // Reading pages is quick next to writing the workbook: 0–20 %, then 20–99 %.
  return Math.min(99, Math.round(p.phase === 'reading' ? share * 20 : 20 + share * 79));
}

/**
 * 审计记录: the whole trail, newest first, a page at a time through the audit indexes (never the whole
 * table), filtered by object type (or one object), person, action and days; each row opens its
 * before/after field by field; the filtered trail exports to .xlsx; and a check of the hash chain.
 */
export function AuditSection() {
  const { t } = useTranslation([AUDIT_TRAIL_NS, 'settings', 'common']);
  const { message } = App.useApp();
  const text = useAuditText();
  const [filter, setFilter] = useState<AuditTrailFilter>({});
  const [objectName, setObjectName] = useState<string>();
  // cursors[i] is the beforeSeq of page i (undefined: the newest entries).
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [openSeq, setOpenSeq] = useState<number>();
  const pageIndex = cursors.length - 1;
  const page = useAuditTrailPage(filter, cursors[pageIndex]);
  const actors = useAuditActors();
  const headSeq = useAuditHeadSeq();
  const { checking, result, verify, progress } = useAuditVerify();
  const { exporting, progress: exportProgress, exportTrail } = useAuditTrailExport();

  const change = (patch: Partial<AuditTrailFilter>) => {
    setFilter((f) => {
      const next = { ...f, ...patch };
      for (const k of Object.keys(next) as (keyof AuditTrailFilter)[]) if (next[k] === undefined) delete next[k];
      // A different object type drops the one object chosen.
      if ('entity' in patch && patch.entity !== f.entity) {
        delete next.entityId;
        setObjectName(undefined);
      }
      return next;
    });
    setCursors([undefined]);
  };
  const filtered = Object.keys(filter).length > 0;
  const actorName = actors?.find((a) => a.id === filter.actorId)?.name;

  const runExport = async () => {
    const out = await exportTrail(filter, describeAuditFilter(filter, actorName, objectName));
    if (!out) return;
    if (out.rows === 0) void message.info(t('export.nothing'));
    else void message.success(t('export.saved', { name: out.fileName, rows: out.rows }));
  };

  return (
    <Card
      id="audit"
      title={t('settings:audit.title')}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            loading={exporting}
            title={t('export.hint')}
            onClick={() => void runExport()}
          >
            {t('export.button')}
          </Button>
          <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void verify()}>
            {t('settings:audit.verify')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        {/* A pass is only shown while it still covers the newest entry; a failure stays until re-checked. */}
        {checking ? <AuditVerifyProgress progress={progress} /> : null}
        {result && (!result.ok || result.count === headSeq) ? <AuditVerifyResult result={result} /> : null}
        <Flex wrap gap={8} align="center" role="search" aria-label={t('settings:audit.title')}>
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('filters.entity')}
            aria-label={t('filters.entity')}
            value={filter.entity}
            onChange={(v) => change({ entity: v })}
            options={AUDITED_ENTITIES.map((e) => ({ value: e, label: t(`settings:audit.entities.${e}`) }))}
          />
          {filter.entityId && objectName ? (
            <Tag closable onClose={() => (setObjectName(undefined), change({ entityId: undefined }))}>
              {t('filters.object', { name: objectName })}
            </Tag>
          ) : null}
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 150 }}
            placeholder={t('filters.actor')}
            aria-label={t('filters.actor')}
            value={filter.actorId}
            onChange={(v) => change({ actorId: v })}
            options={(actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('filters.action')}
            aria-label={t('filters.action')}
            value={filter.action}
            onChange={(v) => change({ action: v })}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`settings:audit.actions.${a}`) }))}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            aria-label={t('filters.dates')}
            placeholder={[t('filters.from'), t('filters.to')]}
            value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
            onChange={(v) =>
              change({ from: v?.[0]?.format('YYYY-MM-DD') ?? undefined, to: v?.[1]?.format('YYYY-MM-DD') ?? undefined })
            }
          />
          {filtered ? (
            <Button
              type="link"
              onClick={() => {
                setObjectName(undefined);
                setFilter({});
                setCursors([undefined]);
              }}
            >
              {t('filters.clear')}
            </Button>
          ) : null}
        </Flex>
        <Table<AuditEntry>
          size="small"
          rowKey="seq"
          loading={page === undefined}
          dataSource={page?.entries ?? []}
          pagination={false}
          data-testid="audit-trail"
          locale={{ emptyText: filtered ? t('emptyFiltered') : t('settings:audit.empty') }}
          onRow={(e) => ({ onClick: () => setOpenSeq(e.seq), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('settings:audit.seq'), dataIndex: 'seq', width: 70 },
            {
              title: t('settings:audit.time'),
              dataIndex: 'ts',
              width: 170,
              render: (ts: string) => text.time(ts),
            },
            {
              title: t('settings:audit.actor'),
              key: 'actor',
              width: 170,
              render: (_, e) => (
                <>
                  {e.actorName}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                    {t(`common:roles.${e.actorRole}`, { defaultValue: e.actorRole })}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('settings:audit.object'),
              key: 'object',
              render: (_, e) => (page ? text.object(e, page.lookups) : null),
            },
            {
              title: t('settings:audit.action'),
              key: 'action',
              width: 150,
              render: (_, e) => (
                <>
                  {t(`settings:audit.actions.${e.action}`)}
                  {e.reason ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {e.reason}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              title: '',
              key: 'open',
              width: 70,
              render: (_, e) => (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('openRow', { seq: e.seq })}
                  onClick={(ev) => {
                    ev.stopPropagation();
                    setOpenSeq(e.seq);
                  }}
                >
                  {t('open')}
                </Button>
              ),
            },
          ]}
        />
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" data-testid="audit-trail-count">
            {page?.total !== undefined ? t('count', { total: page.total }) : null}
          </Typography.Text>
          <Space>
            <Typography.Text type="secondary">{t('pageNo', { page: pageIndex + 1 })}</Typography.Text>
            <Button
              size="small"
              icon={<LeftOutlined aria-hidden />}
              disabled={pageIndex === 0}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              {t('prev')}
            </Button>
            <Button
              size="small"
              disabled={page?.nextBeforeSeq === undefined}
              onClick={() => {
                const next = page?.nextBeforeSeq;
                if (next !== undefined) setCursors((c) => [...c, next]);
              }}
            >
              {t('next')}
              <RightOutlined aria-hidden />
            </Button>
          </Space>
        </Flex>
      </Flex>
      <AuditEntryDrawer
        seq={openSeq}
        onClose={() => setOpenSeq(undefined)}
        onOnlyThis={(e, name) => {
          setOpenSeq(undefined);
          setFilter({ entity: e.entity, entityId: e.entityId });
          setObjectName(name);
          setCursors([undefined]);
        }}
      />
      <Modal
        open={exporting}
        title={t('export.title')}
        footer={null}
        closable={false}
        maskClosable={false}
        destroyOnHidden
      >
        {exportProgress ? (
          <div role="status" aria-live="polite">
            <Progress percent={percentOf(exportProgress)} status="active" />
            <Typography.Text type="secondary">
              {exportProgress.phase === 'saving'
                ? t('export.saving')
                : t(`export.${exportProgress.phase}`, { done: exportProgress.done, total: exportProgress.total })}
            </Typography.Text>
          </div>
        ) : null}
      </Modal>
    </Card>
  );
}
