import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { toUserFacingError } from './error-text';

/** Returns a function that shows an error as an antd message (see {@link toUserFacingError}). */
export function useReportError(): (e: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (e: unknown) => {
      const { message: text, detail } = toUserFacingError(e, t);
      if (detail) console.error(e);
      void message.error(detail ? `${text}（${detail}）` : text, detail ? 8 : 5);
    },
    [message, t],
  );
}
