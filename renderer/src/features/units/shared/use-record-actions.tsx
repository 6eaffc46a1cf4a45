import { App, Typography } from 'antd';
import { isDomainError } from '../../../../../shared/domain';
import { errorText } from './errors';
import { useUnitsText } from './labels';

/** The archive/restore/remove part of a repository (units and people share it). */
export interface ArchivableRepository {
  archive(id: string): Promise<unknown>;
  restore(id: string): Promise<unknown>;
  remove(id: string): Promise<void>;
}

interface NamedRecord {
  id: string;
  name: string;
}

/**
 * Row actions for units and people. Delete asks first; when the repository refuses because the
 * record is referenced (DomainError 'referenced'), the refusal is shown with its own message and
 * 归档 is offered in the same dialog, since archiving is what the user should do instead.
 * `section` picks the texts ('units.*' or 'people.*').
 */
export function useRecordActions(section: 'units' | 'people', repository: () => ArchivableRepository) {
  const { t } = useUnitsText();
  const { modal, message: messageApi } = App.useApp();

  const archive = async (record: NamedRecord): Promise<void> => {
    try {
      await repository().archive(record.id);
      void messageApi.success(t(`${section}.archived`, { name: record.name }));
    } catch (error) {
      void messageApi.error(errorText(error, t));
    }
  };

  const restore = async (record: NamedRecord): Promise<void> => {
    try {
      await repository().restore(record.id);
      void messageApi.success(t(`${section}.restored`, { name: record.name }));
    } catch (error) {
      void messageApi.error(errorText(error, t));
    }
  };

  const showRefusal = (record: NamedRecord, reason: string, canArchive: boolean): void => {
    const content = (
      <>
        <Typography.Paragraph strong>{reason}</Typography.Paragraph>
        {canArchive && <Typography.Paragraph type="secondary">{t(`${section}.refusedHint`)}</Typography.Paragraph>}
      </>
    );
    const title = t(`${section}.refusedTitle`, { name: record.name });
    if (canArchive) {
      void modal.confirm({
        title,
        content,
        okText: t('common.archive'),
        cancelText: t('common.cancel'),
        onOk: () => archive(record),
      });
    } else {
      void modal.warning({ title, content, okText: t('common.close') });
    }
  };

  const remove = (record: NamedRecord & { archived: boolean }): void => {
    void modal.confirm({
      title: t(`${section}.deleteTitle`, { name: record.name }),
      content: t(`${section}.deleteContent`),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await repository().remove(record.id);
          void messageApi.success(t(`${section}.deleted`, { name: record.name }));
        } catch (error) {
          if (isDomainError(error) && error.code === 'referenced') {
            showRefusal(record, error.message, !record.archived);
          } else {
            void messageApi.error(errorText(error, t));
          }
        }
      },
    });
  };

  return { archive, restore, remove };
}
