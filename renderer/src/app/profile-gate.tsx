import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentProfile } from '../db';

// Shown once, before the first profile exists: its form is not loaded at every start (issue 12).
const FirstStartPage = lazy(() =>
  import('../features/profile/first-start-page').then((m) => ({ default: m.FirstStartPage })),
);

/** Renders the app only once someone is signed in as a profile; otherwise the first-start screen. */
export function ProfileGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const { loading, profile } = useCurrentProfile();
  const spinner = (
    <div className="jd-full-page">
      <Spin size="large" description={t('loading')} />
    </div>
  );
  if (loading) return spinner;
  if (!profile) {
    return (
      <Suspense fallback={spinner}>
        <FirstStartPage />
      </Suspense>
    );
  }
  return children;
}
