import { Spin } from 'antd';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentProfile } from '../db';
import { FirstStartPage } from '../features/profile';

/** Renders the app only once someone is signed in as a profile; otherwise the first-start screen. */
export function ProfileGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const { loading, profile } = useCurrentProfile();
  if (loading) {
    return (
      <div className="jd-full-page">
        <Spin size="large" description={t('loading')} />
      </div>
    );
  }
  if (!profile) return <FirstStartPage />;
  return children;
}
