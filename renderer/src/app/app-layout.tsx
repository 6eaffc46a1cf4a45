import {
  AlertOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  FileTextOutlined,
  HomeOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Tooltip, type MenuProps } from 'antd';
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { FollowupNavBadge } from '../features/followup/attention';
import { NAV_ITEMS, navKeyForPath, navShortcutLabel, type NavKey } from './nav-items';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { UserMenu } from './user-menu';
import { AuditStartCheck } from './audit-start-check';
import { StorageNotice } from './storage-notice';

// The `?` help (a Modal with a Table) is loaded the first time it is opened, not with the shell (issue 12).
const ShortcutsHelpModal = lazy(() =>
  import('./shortcuts-help-modal').then((m) => ({ default: m.ShortcutsHelpModal })),
);

const NAV_ICONS: Record<NavKey, ReactNode> = {
  workbench: <HomeOutlined />,
  meetings: <CalendarOutlined />,
  topics: <FileTextOutlined />,
  disputes: <AlertOutlined />,
  followup: <CarryOutOutlined />,
  units: <ClusterOutlined />,
  stats: <BarChartOutlined />,
  settings: <SettingOutlined />,
};

const SIDER_KEY = 'jointdesk.siderCollapsed';

function initialCollapsed(): boolean {
  try {
    return localStorage.getItem(SIDER_KEY) === '1';
  } catch {
    return false;
  }
}

/** The shell around every screen: header (product, user), collapsible navigation, content. */
export function AppLayout() {
  const { t } = useTranslation('app');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(initialCollapsed);
  const [helpOpen, setHelpOpen] = useState(false);
  const [helpWanted, setHelpWanted] = useState(false);
  const openHelp = useCallback(() => {
    setHelpWanted(true);
    setHelpOpen(true);
  }, []);
  useGlobalShortcuts(openHelp);

  const onCollapse = (value: boolean) => {
    setCollapsed(value);
    try {
      localStorage.setItem(SIDER_KEY, value ? '1' : '0');
    } catch {
      // Not remembered; harmless.
    }
  };

  const items: MenuProps['items'] = NAV_ITEMS.map((item, i) => {
    const label = t(`nav.${item.key}`);
    const shortcut = navShortcutLabel(i);
    const tip = t('shortcuts.navTooltip', { label, keys: shortcut });
    return {
      key: item.key,
      icon: NAV_ICONS[item.key],
      // Collapsed: antd shows `title` as the tooltip. Expanded: our own tooltip on the label.
      title: tip,
      label: (
        <Tooltip title={collapsed ? null : shortcut} placement="right" mouseEnterDelay={0.5}>
          <span data-nav={item.key}>
            {label}
            {item.key === 'followup' && !collapsed ? <FollowupNavBadge /> : null}
          </span>
        </Tooltip>
      ),
    };
  });

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="jd-header">
        <div className="jd-brand">
          <img src="./favicon.svg" alt="" />
          <span>{t('productName')}</span>
        </div>
        <div className="jd-header-actions">
          <UserMenu />
          <Tooltip title={t('shortcuts.helpTooltip')}>
            <Button
              type="text"
              className="jd-header-button"
              icon={<QuestionCircleOutlined />}
              aria-label={t('shortcuts.title')}
              onClick={openHelp}
            />
          </Tooltip>
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          className="jd-sider"
          theme="light"
          width={200}
          collapsible
          collapsed={collapsed}
          onCollapse={onCollapse}
        >
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[navKeyForPath(pathname)]}
              items={items}
              onClick={({ key }) => {
                const item = NAV_ITEMS.find((n) => n.key === key);
                if (item) void navigate(item.path);
              }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="jd-content">
          <StorageNotice />
          <AuditStartCheck />
          <Outlet />
        </Layout.Content>
      </Layout>
      {helpWanted ? (
        <Suspense fallback={null}>
          <ShortcutsHelpModal open={helpOpen} onClose={() => setHelpOpen(false)} />
        </Suspense>
      ) : null}
    </Layout>
  );
}
