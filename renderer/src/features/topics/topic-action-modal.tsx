import { Alert, Descriptions, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  conversionNeedsOtherParty,
  conversionParties,
  disputeTypeForCategory,
  mergeTargetProblem,
  type Topic,
} from '../../../../shared/domain';
import { getDataLayer, useMergeTargets } from '../../db';
import type { TopicTriageAction } from '../../db/types';
import { EditorModal, errorText, FormButtons, unitOptionsByKind } from '../../ui';
import { useTopicsText, type TriageActionType } from './labels';
import type { TopicNames } from './use-topic-names';

/** The steps that ask something first; 受理 and 重新提交 run at once. */
export type ModalAction = Extract<TriageActionType, 'return' | 'merge' | 'convert' | 'defer' | 'escalate'>;

export interface TopicActionModalProps {
  topic: Topic;
  action: ModalAction | undefined;
  names: TopicNames;
  onClose: () => void;
  onDone: (saved: Topic, action: ModalAction) => void;
}

/** 退回 (reason), 合并 (searchable survivor), 转为争议 (confirm, other party if needed), 暂缓 / 提交党政联席会议 (note). */
export function TopicActionModal({ topic, action, names, onClose, onDone }: TopicActionModalProps) {
  const { actionLabel } = useTopicsText();
  return (
    <EditorModal
      open={action !== undefined}
      title={action ? actionLabel(action) : ''}
      width={action === 'convert' || action === 'merge' ? 680 : 520}
      onClose={onClose}
    >
      {action ? <ActionForm topic={topic} action={action} names={names} onCancel={onClose} onDone={onDone} /> : null}
    </EditorModal>
  );
}

interface Values {
  reason?: string;
  intoTopicId?: string;
  otherPartyUnitIds?: string[];
}

function ActionForm({
  topic,
  action,
  names,
  onCancel,
  onDone,
}: {
  topic: Topic;
  action: ModalAction;
  names: TopicNames;
  onCancel: () => void;
  onDone: (saved: Topic, action: ModalAction) => void;
}) {
  const { t, date, stateLabel, actionLabel } = useTopicsText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const needsOther = action === 'convert' && conversionNeedsOtherParty(topic);
  const others = Form.useWatch('otherPartyUnitIds', form) ?? [];

  // Read when the merge form opens: the topics in a merge target state (state index), not every topic.
  const targets = useMergeTargets(topic.id, action === 'merge');
  const candidates = useMemo(
    () =>
      (targets ?? [])
        .filter((x) => mergeTargetProblem(topic, x) === undefined)
        .map((x) => ({
          value: x.id,
          label: `${x.title}（${stateLabel(x.state)}，${names.unit(x.submittingUnitId)}，${date(x.submittedOn)}）`,
        })),
    [targets, topic, stateLabel, names, date],
  );

  const partyOptions = useMemo(
    () =>
      unitOptionsByKind(
        names.units.filter((u) => !u.archived && u.id !== topic.submittingUnitId),
        t,
      ),
    [names.units, topic.submittingUnitId, t],
  );

  const submit = async (v: Values) => {
    setError(undefined);
    const a: TopicTriageAction =
      action === 'return'
        ? { type: 'return', reason: v.reason ?? '' }
        : action === 'merge'
          ? { type: 'merge', intoTopicId: v.intoTopicId ?? '' }
          : action === 'convert'
            ? { type: 'convert', otherPartyUnitIds: v.otherPartyUnitIds ?? [] }
            : { type: action };
    setSaving(true);
    try {
      const note = action === 'return' ? undefined : v.reason;
      onDone(await getDataLayer().topics.act(topic.id, a, note), action);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  const parties = conversionParties(topic, others);

  return (
    <Form<Values> form={form} layout="vertical" name={`topic-${action}`} onFinish={(v) => void submit(v)} requiredMark>
      {action === 'return' ? (
        <Form.Item
          name="reason"
          label={t('topics:actionForm.returnReason')}
          required
          rules={[
            { required: true, whitespace: true, message: t('topics:actionForm.returnReasonRequired') },
            { max: 500, message: t('topics:actionForm.tooLong', { max: 500 }) },
          ]}
          extra={t('topics:actionForm.returnHint')}
        >
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      ) : null}

      {action === 'merge' ? (
        <>
          <Typography.Paragraph type="secondary">{t('topics:actionForm.mergeHint')}</Typography.Paragraph>
          <Form.Item
            name="intoTopicId"
            label={t('topics:actionForm.mergeInto')}
            required
            rules={[{ required: true, message: t('topics:actionForm.mergeIntoRequired') }]}
          >
            <Select
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              options={candidates}
              placeholder={t('topics:actionForm.mergePlaceholder')}
              notFoundContent={t('topics:actionForm.mergeNone')}
            />
          </Form.Item>
        </>
      ) : null}

      {action === 'convert' ? (
        <>
          <Typography.Paragraph>{t('topics:actionForm.convertIntro')}</Typography.Paragraph>
          {needsOther ? (
            <Form.Item
              name="otherPartyUnitIds"
              label={t('topics:actionForm.otherParty')}
              required
              extra={t('topics:actionForm.otherPartyHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('topics:actionForm.otherPartyRequired') }]}
            >
              <Select
                mode="multiple"
                autoFocus
                showSearch={{ optionFilterProp: 'label' }}
                options={partyOptions}
                placeholder={t('topics:actionForm.otherPartyPlaceholder')}
              />
            </Form.Item>
          ) : null}
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('topics:actionForm.disputeMatter')}>{topic.title}</Descriptions.Item>
            <Descriptions.Item label={t('topics:actionForm.disputeType')}>
              {t(`topics:disputeType.${disputeTypeForCategory(topic.category)}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('topics:actionForm.disputeParties')}>
              {[
                ...parties.map(names.unit),
                ...(parties.length < 2 ? [t('topics:actionForm.partiesMissing')] : []),
              ].join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('topics:actionForm.firstHandling')}>
              {names.unit(topic.submittingUnitId)}
            </Descriptions.Item>
          </Descriptions>
        </>
      ) : null}

      {action === 'defer' || action === 'escalate' || action === 'merge' || action === 'convert' ? (
        <Form.Item
          name="reason"
          label={t('topics:actionForm.note')}
          rules={[{ max: 500, message: t('topics:actionForm.tooLong', { max: 500 }) }]}
        >
          <Input.TextArea
            autoFocus={action === 'defer' || action === 'escalate'}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            placeholder={t(`topics:actionForm.notePlaceholder.${action}`)}
          />
        </Form.Item>
      ) : null}

      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <FormButtons saving={saving} onCancel={onCancel} submitText={actionLabel(action)} danger={action === 'return'} />
    </Form>
  );
}
