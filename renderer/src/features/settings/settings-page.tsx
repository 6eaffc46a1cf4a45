import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui';
import { BackupSection } from '../backup';
import { DocumentSettingsSection } from '../meetings/documents';
import { AboutSection } from './about-section';
import { AuditSection } from './audit-section';
import { CalendarSection } from './calendar-section';
import { MinutesTemplateSection } from './minutes-template-section';
import { ProfilesSection } from './profiles-section';
import { RulesSection } from './rules-section';

/** 设置: 当前用户, 时限规则, 工作日日历, 会议文件, 会议纪要模板, 数据备份, 审计记录, 关于 (with the language switch). */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <Page title={t('title')} description={t('description')}>
      <Flex vertical gap={16}>
        <ProfilesSection />
        <RulesSection />
        <CalendarSection />
        <DocumentSettingsSection />
        <MinutesTemplateSection />
        <BackupSection />
        <AuditSection />
        <AboutSection />
      </Flex>
    </Page>
  );
}
