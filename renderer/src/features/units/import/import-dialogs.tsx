import { App, Button, Flex, Modal, Spin, Table, Tabs, Typography, theme } from 'antd';
import type { ImportedPerson, ImportIssue, ValidatedUnitsPeople } from '../../../../../shared/import/types';
import type { UnitInput } from '../../../../../shared/domain';
import { formatImportIssue } from '../../../../../shared/import/units-people';
import { useUnitsText } from '../shared/labels';
import type { ImportState } from './use-units-people-import';

export interface ImportDialogsProps {
  state: ImportState;
  onConfirm: () => void;
  onClose: () => void;
}

/** The two outcomes of reading a workbook: every issue (nothing written), or a confirmation with a preview. */
export function ImportDialogs({ state, onConfirm, onClose }: ImportDialogsProps) {
  return (
    <>
      <ImportIssuesModal
        open={state.phase === 'issues'}
        fileName={state.phase === 'issues' ? state.fileName : ''}
        issues={state.phase === 'issues' ? state.issues : []}
        onClose={onClose}
      />
      {state.phase === 'confirm' && (
        <ImportConfirmModal
          fileName={state.fileName}
          value={state.value}
          importing={state.importing}
          onConfirm={onConfirm}
          onClose={onClose}
        />
      )}
    </>
  );
}

function ImportIssuesModal({
  open,
  fileName,
  issues,
  onClose,
}: {
  open: boolean;
  fileName: string;
  issues: ImportIssue[];
  onClose: () => void;
}) {
  const { t } = useUnitsText();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const lines = issues.map(formatImportIssue);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(lines.join('\n'));
      void message.success(t('import.copied'));
    } catch {
      // Clipboard refused (permissions): the list stays on screen to read or select by hand.
    }
  };
  return (
    <Modal
      open={open}
      title={t('import.issuesTitle')}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      // The footer has 关闭; a second "关闭" (the corner ×) would only make the two ambiguous. Esc still closes.
      closable={false}
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={() => void copy()}>{t('import.copyIssues')}</Button>
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph>{t('import.issuesSummary', { name: fileName, count: issues.length })}</Typography.Paragraph>
      <ol
        aria-label={t('import.issuesTitle')}
        style={{
          maxHeight: '50vh',
          overflowY: 'auto',
          margin: 0,
          padding: '8px 12px 8px 36px',
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadius,
          color: token.colorError,
        }}
      >
        {lines.map((line, i) => (
          <li key={i} style={{ padding: '2px 0' }}>
            {line}
          </li>
        ))}
      </ol>
    </Modal>
  );
}

function ImportConfirmModal({
  fileName,
  value,
  importing,
  onConfirm,
  onClose,
}: {
  fileName: string;
  value: ValidatedUnitsPeople;
  importing: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t, kindLabel, roleLabel } = useUnitsText();
  const unitRows = value.units.map((u, i) => ({ ...u, key: i }));
  const personRows = value.people.map((p, i) => ({ ...p, key: i }));
  return (
    <Modal
      open
      title={t('import.confirmTitle')}
      width={820}
      okText={t('import.confirmOk')}
      cancelText={t('common.cancel')}
      onOk={onConfirm}
      onCancel={onClose}
      okButtonProps={{ loading: importing }}
      cancelButtonProps={{ disabled: importing }}
      closable={!importing}
      keyboard={!importing}
      mask={{ closable: false }}
    >
      <Spin spinning={importing} description={t('import.importing')}>
        <Typography.Paragraph>
          <Typography.Text strong>
            {t('import.confirmSummary', { units: value.units.length, people: value.people.length })}
          </Typography.Text>
          <Typography.Text type="secondary">（{fileName}）</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('import.confirmHint')}</Typography.Paragraph>
        <Tabs
          size="small"
          items={[
            {
              key: 'units',
              label: t('import.previewUnits', { count: value.units.length }),
              children: (
                <Table<UnitInput & { key: number }>
                  size="small"
                  dataSource={unitRows}
                  pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
                  columns={[
                    { title: t('units.columns.name'), dataIndex: 'name' },
                    { title: t('units.columns.shortName'), dataIndex: 'shortName' },
                    { title: t('units.columns.kind'), dataIndex: 'kind', render: kindLabel },
                    { title: t('units.columns.liaisonName'), dataIndex: 'liaisonName' },
                    { title: t('units.columns.liaisonPhone'), dataIndex: 'liaisonPhone' },
                  ]}
                />
              ),
            },
            {
              key: 'people',
              label: t('import.previewPeople', { count: value.people.length }),
              children: (
                <Table<ImportedPerson & { key: number }>
                  size="small"
                  dataSource={personRows}
                  pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
                  columns={[
                    { title: t('people.columns.name'), dataIndex: 'name' },
                    { title: t('people.columns.unit'), dataIndex: 'unitName' },
                    { title: t('people.columns.post'), dataIndex: 'post' },
                    { title: t('people.columns.role'), dataIndex: 'role', render: roleLabel },
                    { title: t('people.columns.phone'), dataIndex: 'phone' },
                  ]}
                />
              ),
            },
          ]}
        />
      </Spin>
    </Modal>
  );
}
