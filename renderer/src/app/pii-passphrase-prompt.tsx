import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_CHARS, type PassphraseRequest } from '../platform';

/** A request of the browser host's prompt, with how to answer it. */
export interface PendingPassphrase extends PassphraseRequest {
  done: (accepted: boolean) => void;
}

interface Values {
  passphrase?: string;
  confirm?: string;
}

/**
 * The web build's passphrase dialog for complainant data (PII-1): 设置投诉举报人信息保护口令 (twice, with the
 * warning that a forgotten passphrase means the data can never be shown again) the first time a key pair
 * is needed, and 解锁 once per session before a reveal. The browser host asks through it (registered by the
 * database gate, which loads this dialog only when asked); the desktop app keeps its key in main and
 * never shows it.
 */
export function PiiPassphraseDialog({ pending, onClose }: { pending: PendingPassphrase; onClose: () => void }) {
  const { t } = useTranslation('pii');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  const close = (accepted: boolean) => {
    pending.done(accepted);
    onClose();
  };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing or does not match
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const error = await pending.submit(values.passphrase ?? '');
      if (error === undefined) close(true);
      else setProblem(error);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const setting = pending.mode === 'set';
  return (
    <Modal
      open
      title={setting ? t('setTitle') : t('unlockTitle')}
      okText={setting ? t('setOk') : t('unlockOk')}
      cancelText={t('cancel')}
      onOk={() => void submit()}
      onCancel={() => close(false)}
      confirmLoading={busy}
      maskClosable={false}
      className="jd-pii-passphrase"
    >
      <Typography.Paragraph>{setting ? t('setIntro') : t('unlockIntro')}</Typography.Paragraph>
      {setting ? <Alert type="warning" showIcon message={t('forgotten')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={() => void submit()} disabled={busy}>
        <Form.Item
          name="passphrase"
          label={t('passphrase')}
          rules={[
            { required: true, message: t('required') },
            ...(setting ? [{ min: MIN_PASSPHRASE_CHARS, message: t('tooShort', { min: MIN_PASSPHRASE_CHARS }) }] : []),
          ]}
        >
          <Input.Password
            autoFocus
            autoComplete={setting ? 'new-password' : 'current-password'}
            placeholder={setting ? t('passphrasePlaceholder', { min: MIN_PASSPHRASE_CHARS }) : undefined}
          />
        </Form.Item>
        {setting ? (
          <Form.Item
            name="confirm"
            label={t('passphraseConfirm')}
            dependencies={['passphrase']}
            rules={[
              { required: true, message: t('required') },
              ({ getFieldValue }) => ({
                validator: (_r, v) =>
                  !v || v === getFieldValue('passphrase')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        ) : null}
        {/* Enter in a field submits. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
      {busy ? <Typography.Text type="secondary">{t('working')}</Typography.Text> : null}
      {problem ? (
        <Alert type="error" showIcon message={problem} role="alert" data-testid="pii-passphrase-error" />
      ) : null}
    </Modal>
  );
}
