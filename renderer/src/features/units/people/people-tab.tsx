import { App, Empty, Select, Flex, Space, Table, Tag, theme, type InputRef, type TableColumnsType } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { MEETING_ROLES, type MeetingRole, type Person, type Unit } from '../../../../../shared/domain';
import { getDataLayer, usePeople, usePermission, useUnits } from '../../../db';
import { listPagination, useListShortcuts } from '../../../ui';
import { CreateButton } from '../shared/create-button';
import { ListToolbar } from '../shared/list-toolbar';
import { useUnitsText } from '../shared/labels';
import { compareText, filterPeople } from '../shared/search';
import { useRecordActions } from '../shared/use-record-actions';
import { PersonFormModal } from './person-form-modal';

export interface PeopleTabProps {
  active: boolean;
  /** Unit filter, kept in the URL (`?tab=people&unit=<id>`) so a reload or a link restores it. */
  unitId: string | undefined;
  onUnitIdChange: (unitId: string | undefined) => void;
}

type FormState = { open: false } | { open: true; person?: Person };

/** 人员: search, unit and role filters, table with archive/restore/delete, the person form. */
export function PeopleTab({ active, unitId, onUnitIdChange }: PeopleTabProps) {
  const { t, roleLabel, roleOptions } = useUnitsText();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const units = useUnits({ includeArchived: true });
  const people = usePeople({ includeArchived: true });
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<MeetingRole>();
  const [showArchived, setShowArchived] = useState(false);
  const [form, setForm] = useState<FormState>({ open: false });
  const searchRef = useRef<InputRef>(null);
  const actions = useRecordActions('people', () => getDataLayer().people);

  const unitsById = useMemo(() => new Map((units ?? []).map((u) => [u.id, u])), [units]);
  // A link to a unit that no longer exists filters by nothing rather than showing a bare id.
  const unitFilter = units && unitId && !unitsById.has(unitId) ? undefined : unitId;
  const rows = useMemo(
    () => filterPeople(people ?? [], unitsById, { search, showArchived, unitId: unitFilter, role }),
    [people, unitsById, search, showArchived, unitFilter, role],
  );
  const unitFilterOptions = useMemo(
    () =>
      [...(units ?? [])]
        .sort((a, b) => Number(a.archived) - Number(b.archived) || compareText(a.name, b.name))
        .map((u) => ({
          value: u.id,
          label: u.archived ? t('personForm.archivedUnitOption', { name: u.name }) : u.name,
          search: `${u.name} ${u.shortName ?? ''}`,
        })),
    [units, t],
  );
  const hasActiveUnit = (units ?? []).some((u) => !u.archived);

  const mayCreate = usePermission('person.create').allowed;
  const openCreate = () => {
    if (!mayCreate) return;
    if (hasActiveUnit) setForm({ open: true });
    else void message.warning(t('people.needUnitFirst'));
  };
  useListShortcuts({ focusSearch: () => searchRef.current?.focus(), create: openCreate }, active);

  const unitName = (u: Unit | undefined) => u?.name ?? t('people.unknownUnit');

  const columns: TableColumnsType<Person> = [
    { title: t('people.columns.name'), dataIndex: 'name', sorter: (a, b) => compareText(a.name, b.name) },
    {
      title: t('people.columns.unit'),
      key: 'unit',
      sorter: (a, b) => compareText(unitsById.get(a.unitId)?.name, unitsById.get(b.unitId)?.name),
      render: (_, p) => {
        const unit = unitsById.get(p.unitId);
        return (
          <Space size={4}>
            <span>{unitName(unit)}</span>
            {unit?.archived && <Tag color="default">{t('people.unitArchivedMark')}</Tag>}
          </Space>
        );
      },
    },
    { title: t('people.columns.post'), dataIndex: 'post', sorter: (a, b) => compareText(a.post, b.post) },
    {
      title: t('people.columns.role'),
      dataIndex: 'role',
      render: (_, p) => roleLabel(p.role),
      sorter: (a, b) => MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role),
    },
    { title: t('people.columns.phone'), dataIndex: 'phone' },
    ...actions.columns((p: Person) => setForm({ open: true, person: p })),
  ];

  const filters = (
    <>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'search' }}
        value={unitFilter}
        onChange={(v: string | undefined) => onUnitIdChange(v)}
        options={unitFilterOptions}
        placeholder={t('people.allUnits')}
        aria-label={t('people.unitFilter')}
        style={{ width: 220 }}
      />
      <Select
        allowClear
        value={role}
        onChange={(v: MeetingRole | undefined) => setRole(v)}
        options={roleOptions}
        placeholder={t('people.allRoles')}
        aria-label={t('people.roleFilter')}
        style={{ width: 180 }}
      />
    </>
  );

  const isEmpty = people !== undefined && people.length === 0;

  return (
    <>
      <ListToolbar
        search={search}
        onSearch={setSearch}
        searchPlaceholder={t('people.searchPlaceholder')}
        searchRef={searchRef}
        showArchived={showArchived}
        onShowArchived={setShowArchived}
        filters={filters}
        actions={
          <CreateButton action="person.create" onClick={openCreate}>
            {t('people.add')}
          </CreateButton>
        }
      />
      <Table<Person>
        rowKey="id"
        size="middle"
        loading={people === undefined || units === undefined}
        dataSource={rows}
        columns={columns}
        locale={{
          emptyText: isEmpty ? (
            <Empty
              description={
                <Flex vertical gap={4} align="center">
                  <strong>{t('people.emptyTitle')}</strong>
                  <span>{t('people.emptyHint')}</span>
                </Flex>
              }
            />
          ) : (
            t('people.noMatch')
          ),
        }}
        pagination={listPagination((count) => t('common.total', { count }))}
        onRow={(p) => (p.archived ? { style: { color: token.colorTextTertiary } } : {})}
      />
      <PersonFormModal
        open={form.open}
        person={form.open ? form.person : undefined}
        defaultUnitId={unitFilter && !unitsById.get(unitFilter)?.archived ? unitFilter : undefined}
        units={units ?? []}
        onClose={() => setForm({ open: false })}
        onSaved={(person, created) => {
          setForm({ open: false });
          void message.success(t(created ? 'personForm.created' : 'personForm.updated', { name: person.name }));
        }}
      />
    </>
  );
}
