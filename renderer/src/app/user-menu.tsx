import { CheckOutlined, DownOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDataLayer, useCurrentProfile, useProfiles } from '../db';
import { profileLine } from '../features/profile/profile-line';
import { useReportError } from '../ui/use-report-error';

// The new-profile form (antd Form, Select, Radio) is loaded when it is first opened, not with the shell (issue 12).
const NewProfileModal = lazy(() =>
  import('../features/profile/new-profile-modal').then((m) => ({ default: m.NewProfileModal })),
);

/** Header control: who is at the keyboard (姓名 · 单位 · 角色); switch to another profile or create one. */
export function UserMenu() {
  const { t } = useTranslation(['app', 'common']);
  const { profile } = useCurrentProfile();
  const profiles = useProfiles() ?? [];
  const reportError = useReportError();
  const [creating, setCreating] = useState(false);
  const [createWanted, setCreateWanted] = useState(false);

  if (!profile) return null;

  const others = profiles.filter((p) => p.id !== profile.id);
  const items: MenuProps['items'] = [
    {
      key: 'current',
      icon: <CheckOutlined />,
      label: profileLine(profile, t),
      disabled: true,
    },
    ...(others.length > 0
      ? [
          { type: 'divider' as const },
          {
            type: 'group' as const,
            key: 'switch',
            label: t('app:user.switchTo'),
            children: others.map((p) => ({ key: `profile:${p.id}`, icon: <UserOutlined />, label: profileLine(p, t) })),
          },
        ]
      : []),
    { type: 'divider' as const },
    { key: 'new', icon: <UserAddOutlined />, label: t('app:user.newProfile') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'new') {
      setCreateWanted(true);
      setCreating(true);
    } else if (key.startsWith('profile:')) {
      getDataLayer().profiles.switchTo(key.slice('profile:'.length)).catch(reportError);
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" className="jd-header-button" aria-label={t('app:user.menuLabel')}>
          <UserOutlined />
          <span className="jd-user-trigger">{profileLine(profile, t)}</span>
          <DownOutlined />
        </Button>
      </Dropdown>
      {createWanted ? (
        <Suspense fallback={null}>
          <NewProfileModal open={creating} onClose={() => setCreating(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
