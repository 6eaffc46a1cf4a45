import { App, Button, Drawer, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Minutes, MinutesVersion } from '../../../../shared/domain';
import type { MinutesDoc } from '../../../../shared/editor/document';
import { cleanMinutesDoc } from '../../../../shared/editor/schema';
import { docToPlainText } from '../../../../shared/editor/text';
import { getDataLayer, useMinutesVersions, useUnits } from '../../db';
import { formatDateTime, useReportError } from '../../ui';
import { sideBySide, type DiffPart } from './text-diff';

/**
 * 历史版本: the snapshot taken at each state change and on demand, with author and time; a side-by-side
 * diff of any version against the current text (over the text projection, with 牵头/配合 units named),
 * and restore, which saves the old text as a new version.
 */
export function VersionsDrawer({
  open,
  minutes,
  current,
  canRestore,
  onClose,
  onRestored,
}: {
  open: boolean;
  minutes: Minutes;
  current: () => MinutesDoc;
  canRestore: boolean;
  onClose: () => void;
  onRestored: () => void;
}) {
  const { t } = useTranslation('minutesPage');
  const { message } = App.useApp();
  const reportError = useReportError();
  const versions = useMinutesVersions(open ? minutes.id : undefined);
  const units = useUnits({ includeArchived: true });
  const [comparing, setComparing] = useState<MinutesVersion>();

  const unitName = useMemo(() => {
    const names = new Map((units ?? []).map((u) => [u.id, u.name]));
    return (id: string) => names.get(id) ?? '';
  }, [units]);

  const rows = useMemo(() => {
    if (!comparing) return [];
    const older = docToPlainText(cleanMinutesDoc(comparing.content).doc, { unitNames: unitName });
    const newer = docToPlainText(current(), { unitNames: unitName });
    return sideBySide(older, newer);
  }, [comparing, current, unitName]);

  const restore = async (v: MinutesVersion) => {
    try {
      await getDataLayer().minutes.restore(minutes.id, v.id);
      void message.success(t('done.restore', { n: v.version }));
      setComparing(undefined);
      onRestored();
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('versions.title')} width={comparing ? 1100 : 640} destroyOnHidden>
      {versions && versions.length === 0 ? <Empty description={t('versions.empty')} /> : null}
      <Table<MinutesVersion>
        size="small"
        rowKey="id"
        loading={versions === undefined}
        dataSource={versions ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            title: t('versions.columns.version'),
            dataIndex: 'version',
            width: 64,
            render: (n: number) => `第 ${n} 版`,
          },
          {
            title: t('versions.columns.summary'),
            dataIndex: 'summary',
            render: (s: string | undefined, v: MinutesVersion) => s ?? v.reason ?? '',
          },
          { title: t('versions.columns.author'), dataIndex: 'authorName', width: 90 },
          {
            title: t('versions.columns.time'),
            dataIndex: 'createdAt',
            width: 160,
            render: (ts: string) => formatDateTime(ts),
          },
          {
            title: t('versions.columns.state'),
            dataIndex: 'state',
            width: 80,
            render: (s?: Minutes['state']) => (s ? <Tag>{t(`state.${s}`)}</Tag> : null),
          },
          {
            key: 'ops',
            width: 190,
            render: (_: unknown, v) => (
              <>
                <Button size="small" type="link" onClick={() => setComparing(v)}>
                  {t('versions.compare')}
                </Button>
                {canRestore ? (
                  <Popconfirm title={t('versions.restoreConfirm', { n: v.version })} onConfirm={() => restore(v)}>
                    <Button size="small" type="link">
                      {t('versions.restore')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {comparing ? (
        <section className="jd-diff" aria-label={t('versions.diffTitle', { n: comparing.version })}>
          <Typography.Title level={5}>{t('versions.diffTitle', { n: comparing.version })}</Typography.Title>
          {rows.every((r) => r.kind === 'same') ? (
            <Typography.Text type="secondary">{t('versions.noChange')}</Typography.Text>
          ) : null}
          <table className="jd-diff-table">
            <thead>
              <tr>
                <th>{t('versions.older', { n: comparing.version })}</th>
                <th>{t('versions.current')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} className={`jd-diff-${r.kind}`}>
                  <td>{r.left ? <Parts parts={r.left} kind="del" /> : null}</td>
                  <td>{r.right ? <Parts parts={r.right} kind="ins" /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Drawer>
  );
}

function Parts({ parts, kind }: { parts: DiffPart[]; kind: 'del' | 'ins' }) {
  return (
    <>
      {parts.map((p, i) =>
        p.changed ? (
          kind === 'del' ? (
            <del key={i}>{p.text}</del>
          ) : (
            <ins key={i}>{p.text}</ins>
          )
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
