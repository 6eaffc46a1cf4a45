import { CopyOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Radio,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RuleProfile, type RuleValues } from '../../../../shared/domain/rule-profile';
import { getDataLayer, useActiveRuleProfile, usePermission, useRuleProfiles } from '../../db';
import { DeniedNotice, Guarded, useReportError } from '../../ui';
import { RULE_FIELDS, type RuleUnit } from './rule-fields';
import { RuleFormModal, type RuleDraft } from './rule-form-modal';

interface FieldRow {
  key: keyof RuleValues;
  unit: RuleUnit;
}

/**
 * 时限规则: profiles side by side (one column each, one row per number) so localities compare at a
 * glance; the radio in each column header picks the active profile. Presets are read-only.
 */
export function RulesSection() {
  const { t } = useTranslation(['settings', 'common']);
  const { message } = App.useApp();
  const reportError = useReportError();
  const profiles = useRuleProfiles();
  const active = useActiveRuleProfile();
  const [draft, setDraft] = useState<RuleDraft | null>(null);
  // Only the office changes the rules: other roles see them, told why once.
  const may = usePermission('rules.manage');

  const setActive = (p: RuleProfile) => {
    getDataLayer()
      .rules.setActive(p.id)
      .then(() => void message.success(t('settings:rules.activated', { name: p.name })), reportError);
  };

  const remove = (p: RuleProfile) => {
    getDataLayer()
      .rules.removeCustom(p.id)
      .then(() => void message.success(t('settings:rules.deleted', { name: p.name })), reportError);
  };

  const header = (p: RuleProfile) => (
    <Flex vertical gap={4} align="flex-start">
      <Radio value={p.id}>
        <Typography.Text strong>{p.name}</Typography.Text>
      </Radio>
      <Flex gap={4} align="center" wrap>
        {p.preset ? <Tag>{t('settings:rules.preset')}</Tag> : <Tag color="blue">{t('settings:rules.custom')}</Tag>}
        {p.id === active?.id ? <Tag color="green">{t('settings:rules.inUse')}</Tag> : null}
        {!p.preset && may.allowed ? (
          <>
            <Tooltip title={t('common:actions.edit')}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('settings:rules.editAria', { name: p.name })}
                onClick={() => setDraft({ id: p.id, name: p.name, values: p.values })}
              />
            </Tooltip>
            <Popconfirm
              title={t('settings:rules.deleteConfirm', { name: p.name })}
              okText={t('common:actions.delete')}
              cancelText={t('common:actions.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(p)}
              disabled={p.id === active?.id}
            >
              <Tooltip
                title={p.id === active?.id ? t('settings:rules.cannotDeleteActive') : t('common:actions.delete')}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={p.id === active?.id}
                  aria-label={t('settings:rules.deleteAria', { name: p.name })}
                />
              </Tooltip>
            </Popconfirm>
          </>
        ) : null}
      </Flex>
    </Flex>
  );

  const columns: TableColumnsType<FieldRow> = [
    {
      title: t('settings:rules.item'),
      key: 'label',
      fixed: 'left',
      width: 220,
      render: (_, row) => t(`settings:rules.fields.${row.key}`),
    },
    ...(profiles ?? []).map((p) => ({
      title: header(p),
      key: p.id,
      width: 170,
      render: (_: unknown, row: FieldRow) => (
        <span>
          {p.values[row.key]} {t(`settings:rules.units.${row.unit}`)}
        </span>
      ),
    })),
  ];

  const presets = (profiles ?? []).filter((p) => p.preset);
  const copySource = active ?? profiles?.[0];

  return (
    <Card
      id="rules"
      title={t('settings:rules.title')}
      extra={
        <Guarded right={may}>
          <Button
            icon={<CopyOutlined />}
            disabled={!copySource}
            onClick={() =>
              copySource &&
              setDraft({ name: t('settings:rules.copyName', { name: copySource.name }), values: copySource.values })
            }
          >
            {t('settings:rules.newCustom')}
          </Button>
        </Guarded>
      }
    >
      <Typography.Paragraph type="secondary">{t('settings:rules.intro')}</Typography.Paragraph>
      <DeniedNotice right={may} />
      <Radio.Group
        value={active?.id}
        disabled={!may.allowed}
        style={{ display: 'block' }}
        onChange={(e) => {
          const p = profiles?.find((x) => x.id === e.target.value);
          if (p) setActive(p);
        }}
      >
        <Table<FieldRow>
          size="small"
          bordered
          loading={profiles === undefined}
          pagination={false}
          rowKey="key"
          columns={columns}
          dataSource={RULE_FIELDS}
          scroll={{ x: 'max-content' }}
        />
      </Radio.Group>
      {presets.length > 0 ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('settings:rules.sources')}</Typography.Text>
          <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
            {presets.map((p) => (
              <li key={p.id}>
                <Typography.Text>{t('settings:rules.sourceName', { name: p.name })}</Typography.Text>
                <Typography.Text type="secondary">{p.source ?? t('settings:rules.noSource')}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <RuleFormModal
        draft={draft}
        onClose={() => setDraft(null)}
        onSaved={(name) => {
          setDraft(null);
          void message.success(t('settings:rules.saved', { name }));
        }}
      />
    </Card>
  );
}
