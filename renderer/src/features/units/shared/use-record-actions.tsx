import { App, Button, Space, Typography, type TableColumnsType } from 'antd';
import { isDomainError } from '../../../../../shared/domain';
import { usePermissions } from '../../../db';
import { errorText, Guarded } from '../../../ui';
import { useUnitsText } from './labels';
import { StatusTag } from './status-tag';

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

type ArchivableRecord = NamedRecord & { archived: boolean };

/**
 * Row actions for units and people. Delete asks first; when the repository refuses because the
 * record is referenced (DomainError 'referenced'), the refusal is shown with its own message and
 * 归档 is offered in the same dialog, since archiving is what the user should do instead.
 * `section` picks the texts ('units.*' or 'people.*'). `columns` puts them in a table, after 状态.
 */
export function useRecordActions(section: 'units' | 'people', repository: () => ArchivableRepository) {
  const { t } = useUnitsText();
  const { modal, message: messageApi } = App.useApp();
  const unitRights = usePermissions(['unit.update', 'unit.archive', 'unit.restore', 'unit.delete'] as const);
  const personRights = usePermissions(['person.update', 'person.archive', 'person.restore', 'person.delete'] as const);
  const may =
    section === 'units'
      ? {
          update: unitRights['unit.update'],
          archive: unitRights['unit.archive'],
          restore: unitRights['unit.restore'],
          remove: unitRights['unit.delete'],
        }
      : {
          update: personRights['person.update'],
          archive: personRights['person.archive'],
          restore: personRights['person.restore'],
          remove: personRights['person.delete'],
        };
  const anyAllowed = Object.values(may).some((r) => r.allowed);

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

  const remove = (record: ArchivableRecord): void => {
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

  /**
   * 状态 and 操作 (编辑, 归档 or 恢复, 删除): the last two columns of the units and the people tables. Only the
   * office maintains units and people: for other roles the buttons are not shown, nor the empty 操作 column.
   */
  const columns = <T extends ArchivableRecord>(onEdit: (record: T) => void): TableColumnsType<T> => [
    {
      title: t(`${section}.columns.status`),
      key: 'status',
      render: (_, r) => <StatusTag archived={r.archived} />,
      sorter: (a, b) => Number(a.archived) - Number(b.archived),
    },
    ...(anyAllowed
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: T) => (
              <Space size={0}>
                <Guarded right={may.update} hide>
                  <Button type="link" size="small" onClick={() => onEdit(r)}>
                    {t('common.edit')}
                  </Button>
                </Guarded>
                {r.archived ? (
                  <Guarded right={may.restore} hide>
                    <Button type="link" size="small" onClick={() => void restore(r)}>
                      {t('common.restore')}
                    </Button>
                  </Guarded>
                ) : (
                  <Guarded right={may.archive} hide>
                    <Button type="link" size="small" onClick={() => void archive(r)}>
                      {t('common.archive')}
                    </Button>
                  </Guarded>
                )}
                <Guarded right={may.remove} hide>
                  <Button type="link" size="small" danger onClick={() => remove(r)}>
                    {t('common.delete')}
                  </Button>
                </Guarded>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return { archive, restore, remove, columns };
}
