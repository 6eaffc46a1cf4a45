import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserProfile } from '../../../../shared/domain/user-profile';
import { getDataLayer, useCurrentProfile, useProfiles, useUnits } from '../../db';
import { NewProfileModal } from '../profile';
import { formatDateTime, unitOptionsByKind, useReportError } from '../../ui';

/** 当前用户: every profile on this computer; switch to one, or create another. */
export function ProfilesSection() {
  const { t } = useTranslation(['settings', 'common']);
  const { message } = App.useApp();
  const reportError = useReportError();
  const profiles = useProfiles();
  const { profile: current } = useCurrentProfile();
  const [creating, setCreating] = useState(false);
  const units = useUnits();

  const setUnit = (p: UserProfile, unitId: string | undefined) => {
    getDataLayer()
      .profiles.setUnit(p.id, unitId)
      .then(() => void message.success(t('settings:profiles.unitSaved', { name: p.name })), reportError);
  };
  // A liaison's unit decides which tasks they may report on: set by that person or by the office.
  const mayEditUnit = (p: UserProfile) =>
    current !== undefined && (p.id === current.id || current.role === 'office_staff');

  const switchTo = (p: UserProfile) => {
    getDataLayer()
      .profiles.switchTo(p.id)
      .then(() => void message.success(t('settings:profiles.switched', { name: p.name })), reportError);
  };

  return (
    <Card
      id="profiles"
      title={t('settings:profiles.title')}
      extra={
        <Button icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('settings:profiles.new')}
        </Button>
      }
    >
      <Table<UserProfile>
        size="small"
        rowKey="id"
        loading={profiles === undefined}
        dataSource={profiles ?? []}
        pagination={false}
        columns={[
          {
            title: t('settings:profiles.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <>
                {name} {p.id === current?.id ? <Tag color="green">{t('settings:profiles.current')}</Tag> : null}
              </>
            ),
          },
          { title: t('settings:profiles.unit'), dataIndex: 'unitName' },
          {
            title: t('settings:profiles.memberUnit'),
            key: 'memberUnit',
            width: 240,
            render: (_, p) =>
              p.role !== 'liaison' ? null : mayEditUnit(p) ? (
                <Select
                  size="small"
                  style={{ width: '100%' }}
                  showSearch
                  allowClear
                  optionFilterProp="label"
                  aria-label={t('settings:profiles.memberUnitOf', { name: p.name })}
                  placeholder={t('settings:profiles.memberUnitMissing')}
                  value={p.unitId}
                  options={unitOptionsByKind(units ?? [], t)}
                  onChange={(id: string | undefined) => setUnit(p, id)}
                />
              ) : (
                (units?.find((u) => u.id === p.unitId)?.name ?? t('settings:profiles.memberUnitMissing'))
              ),
          },
          {
            title: t('settings:profiles.role'),
            dataIndex: 'role',
            render: (role: string) => t(`common:roles.${role}`),
          },
          {
            title: t('settings:profiles.createdAt'),
            dataIndex: 'createdAt',
            render: (ts: string) => formatDateTime(ts),
          },
          {
            title: t('settings:profiles.actions'),
            key: 'actions',
            width: 140,
            render: (_, p) =>
              p.id === current?.id ? null : (
                <Button size="small" onClick={() => switchTo(p)}>
                  {t('settings:profiles.switch')}
                </Button>
              ),
          },
        ]}
      />
      <NewProfileModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
