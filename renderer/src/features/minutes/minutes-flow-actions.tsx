import { Button, Form, Input, Popconfirm, Tooltip, App, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MINUTES_ACTION_PERMISSION,
  allowedMinutesActions,
  type MinutesAction,
  type Minutes,
} from '../../../../shared/domain';
import { getDataLayer, usePermissions } from '../../db';
import { FormModal, useReportError } from '../../ui';

const PERMISSIONS = Object.values(MINUTES_ACTION_PERMISSION);

/**
 * The review-flow buttons allowed from the minutes' state (the one transition table); a step the current
 * role may not take is shown disabled with the reason. 退回修改 and 更正 ask for their text first.
 */
export function MinutesFlowActions({
  minutes,
  beforeAction,
}: {
  minutes: Minutes;
  /** Saves pending edits; resolves false when that failed (the step is then not taken). */
  beforeAction: () => Promise<boolean>;
}) {
  const { t } = useTranslation(['minutesPage', 'common']);
  const { message } = App.useApp();
  const reportError = useReportError();
  const may = usePermissions(PERMISSIONS);
  const [busy, setBusy] = useState<MinutesAction>();
  const [asking, setAsking] = useState<'return' | 'correct'>();
  const [form] = Form.useForm<{ text: string }>();

  const run = async (action: MinutesAction, text?: string): Promise<boolean> => {
    setBusy(action);
    try {
      if (action === 'submit' && !(await beforeAction())) return false;
      const dl = getDataLayer();
      const next = await dl.minutes.act(
        minutes.id,
        action,
        action === 'correct' ? { reason: text } : text !== undefined ? { comment: text } : {},
      );
      if (action === 'issue') {
        const count = (await dl.minutes.resolutions(minutes.id)).length;
        void message.success(
          t('minutesPage:done.issue', {
            number: t('minutesPage:issueNumber', { year: next.issueYear, n: next.issueNumber }),
            count,
          }),
        );
      } else void message.success(t(`minutesPage:done.${action}`));
      return true;
    } catch (e) {
      reportError(e);
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      {allowedMinutesActions(minutes.state).map((action) => {
        const right = may[MINUTES_ACTION_PERMISSION[action]];
        const primary = action === 'submit' || action === 'sign' || action === 'issue';
        const button = (
          <Button
            type={primary ? 'primary' : 'default'}
            danger={action === 'return'}
            loading={busy === action}
            disabled={!right.allowed}
            onClick={action === 'return' || action === 'correct' ? () => setAsking(action) : undefined}
          >
            {t(`minutesPage:action.${action}`)}
          </Button>
        );
        if (!right.allowed) {
          return (
            <Tooltip key={action} title={right.reason}>
              <span>{button}</span>
            </Tooltip>
          );
        }
        if (action === 'return' || action === 'correct') return <span key={action}>{button}</span>;
        return (
          <Popconfirm
            key={action}
            title={t(`minutesPage:confirm.${action}`)}
            okText={t('minutesPage:confirm.ok')}
            cancelText={t('common:actions.cancel')}
            onConfirm={() => run(action)}
          >
            {button}
          </Popconfirm>
        );
      })}
      <FormModal
        open={asking !== undefined}
        title={asking === 'correct' ? t('minutesPage:correctModal.title') : t('minutesPage:returnModal.title')}
        okText={asking === 'correct' ? t('minutesPage:action.correct') : t('minutesPage:action.return')}
        danger={asking === 'return'}
        form={form}
        onClose={() => setAsking(undefined)}
        onSubmit={async (v) => (asking ? run(asking, v.text) : false)}
      >
        {asking === 'correct' ? (
          <Typography.Paragraph type="secondary">{t('minutesPage:correctModal.hint')}</Typography.Paragraph>
        ) : null}
        <Form.Item
          name="text"
          label={asking === 'correct' ? t('minutesPage:correctModal.reason') : t('minutesPage:returnModal.comment')}
          rules={[
            {
              required: true,
              whitespace: true,
              message:
                asking === 'correct' ? t('minutesPage:correctModal.required') : t('minutesPage:returnModal.required'),
            },
            { max: asking === 'correct' ? 500 : 2000 },
          ]}
        >
          <Input.TextArea
            autoFocus
            rows={4}
            showCount
            maxLength={asking === 'correct' ? 500 : 2000}
            placeholder={
              asking === 'correct'
                ? t('minutesPage:correctModal.placeholder')
                : t('minutesPage:returnModal.placeholder')
            }
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
