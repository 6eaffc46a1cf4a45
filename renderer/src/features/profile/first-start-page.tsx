import { UserOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getDataLayer, useProfiles } from '../../db';
import { useReportError } from '../../ui';
import { ProfileForm } from './profile-form';
import { profileLine } from './profile-line';

/**
 * Shown instead of the shell while there is no current profile: every record and audit entry is
 * attributed to a person, so the app asks who is at the keyboard before anything else.
 */
export function FirstStartPage() {
  const { t } = useTranslation(['profile', 'app', 'common']);
  const profiles = useProfiles() ?? [];
  const reportError = useReportError();

  return (
    <main className="jd-full-page jd-first-start">
      <div style={{ width: '100%', maxWidth: 560 }}>
        <div style={{ color: '#fff', textAlign: 'center', margin: '24px 0 28px' }}>
          <img src="./favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={2} style={{ color: '#fff', margin: '12px 0 4px', letterSpacing: 2 }}>
            {t('profile:firstStart.title')}
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>
            {t('profile:firstStart.subtitle')}
          </Typography.Text>
        </div>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('profile:firstStart.formTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('profile:firstStart.why')}</Typography.Paragraph>
          <ProfileForm
            autoFocus
            submitText={t('profile:firstStart.submit')}
            onSubmit={async (values) => {
              await getDataLayer().profiles.create(values);
            }}
          />
          {profiles.length > 0 ? (
            <>
              <Divider plain>{t('profile:firstStart.orPick')}</Divider>
              <Flex vertical gap={8}>
                {profiles.map((p) => (
                  <Flex key={p.id} justify="space-between" align="center" gap={12} className="jd-pick-row">
                    <span>
                      <UserOutlined style={{ marginInlineEnd: 8 }} />
                      {profileLine(p, t)}
                    </span>
                    <Button size="small" onClick={() => void getDataLayer().profiles.switchTo(p.id).catch(reportError)}>
                      {t('profile:firstStart.useThis')}
                    </Button>
                  </Flex>
                ))}
              </Flex>
            </>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('profile:firstStart.privacy')}
          </Typography.Paragraph>
        </Card>
      </div>
    </main>
  );
}
