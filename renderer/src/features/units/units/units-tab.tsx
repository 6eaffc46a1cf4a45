import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Table, theme, type InputRef, type TableColumnsType } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { UNIT_KINDS, type Unit } from '../../../../../shared/domain';
import { getDataLayer, usePeople, usePermissions, useUnits } from '../../../db';
import { Guarded, listPagination, useListShortcuts } from '../../../ui';
import { ImportDialogs } from '../import/import-dialogs';
import { useUnitsPeopleImport } from '../import/use-units-people-import';
import { CreateButton } from '../shared/create-button';
import { ListToolbar } from '../shared/list-toolbar';
import { useUnitsText } from '../shared/labels';
import { compareText, countActivePeopleByUnit, filterUnits } from '../shared/search';
import { useRecordActions } from '../shared/use-record-actions';
import { UnitFormModal } from './unit-form-modal';
import { UnitsEmpty } from './units-empty';

export interface UnitsTabProps {
  /** Whether this tab is showing (keyboard shortcuts only act on the visible tab). */
  active: boolean;
  /** 人员数 clicked: show the people tab filtered by this unit. */
  onShowPeople: (unitId: string) => void;
}

type FormState = { open: false } | { open: true; unit?: Unit };

/** 成员单位: searchable, sortable table with archive/restore/delete, the unit form and the xlsx import. */
export function UnitsTab({ active, onShowPeople }: UnitsTabProps) {
  const { t, kindLabel } = useUnitsText();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const units = useUnits({ includeArchived: true });
  const people = usePeople({ includeArchived: true });
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [form, setForm] = useState<FormState>({ open: false });
  const searchRef = useRef<InputRef>(null);
  const actions = useRecordActions('units', () => getDataLayer().units);
  const importer = useUnitsPeopleImport();

  const rows = useMemo(() => filterUnits(units ?? [], { search, showArchived }), [units, search, showArchived]);
  const peopleCounts = useMemo(() => countActivePeopleByUnit(people ?? []), [people]);

  const may = usePermissions(['unit.create', 'master.import'] as const);
  const openCreate = () => {
    if (may['unit.create'].allowed) setForm({ open: true });
  };
  useListShortcuts({ focusSearch: () => searchRef.current?.focus(), create: openCreate }, active);

  const columns: TableColumnsType<Unit> = [
    {
      title: t('units.columns.name'),
      dataIndex: 'name',
      sorter: (a, b) => compareText(a.name, b.name),
    },
    {
      title: t('units.columns.shortName'),
      dataIndex: 'shortName',
      sorter: (a, b) => compareText(a.shortName, b.shortName),
    },
    {
      title: t('units.columns.kind'),
      dataIndex: 'kind',
      render: (_, u) => kindLabel(u.kind),
      sorter: (a, b) => UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind),
    },
    {
      title: t('units.columns.liaisonName'),
      dataIndex: 'liaisonName',
      sorter: (a, b) => compareText(a.liaisonName, b.liaisonName),
    },
    { title: t('units.columns.liaisonPhone'), dataIndex: 'liaisonPhone' },
    {
      title: t('units.columns.peopleCount'),
      key: 'peopleCount',
      align: 'right',
      sorter: (a, b) => (peopleCounts.get(a.id) ?? 0) - (peopleCounts.get(b.id) ?? 0),
      render: (_, u) => {
        const count = peopleCounts.get(u.id) ?? 0;
        return (
          <Button
            type="link"
            size="small"
            onClick={() => onShowPeople(u.id)}
            // No unit name here: the row already names the unit, and a cell named after it twice confuses lookups.
            aria-label={t('units.peopleCountAria', { count })}
            data-testid="unit-people-count"
          >
            {count}
          </Button>
        );
      },
    },
    ...actions.columns((u: Unit) => setForm({ open: true, unit: u })),
  ];

  const toolbarActions = (
    <>
      <CreateButton action="unit.create" onClick={openCreate}>
        {t('units.add')}
      </CreateButton>
      <Guarded right={may['master.import']} hide>
        <Button icon={<UploadOutlined aria-hidden />} loading={importer.reading} onClick={() => void importer.start()}>
          {t('units.import')}
        </Button>
      </Guarded>
      <Guarded right={may['master.import']} hide>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void importer.downloadTemplate()}>
          {t('units.downloadTemplate')}
        </Button>
      </Guarded>
    </>
  );

  const isEmpty = units !== undefined && units.length === 0;

  return (
    <>
      {isEmpty ? (
        // Nothing at all yet: the empty state carries the buttons, so each label exists once on screen.
        <UnitsEmpty actions={toolbarActions} />
      ) : (
        <>
          <ListToolbar
            search={search}
            onSearch={setSearch}
            searchPlaceholder={t('units.searchPlaceholder')}
            searchRef={searchRef}
            showArchived={showArchived}
            onShowArchived={setShowArchived}
            actions={toolbarActions}
          />
          <Table<Unit>
            rowKey="id"
            size="middle"
            loading={units === undefined}
            dataSource={rows}
            columns={columns}
            locale={{ emptyText: t('units.noMatch') }}
            pagination={listPagination((count) => t('common.total', { count }))}
            onRow={(u) => (u.archived ? { style: { color: token.colorTextTertiary } } : {})}
          />
        </>
      )}
      <UnitFormModal
        open={form.open}
        unit={form.open ? form.unit : undefined}
        onClose={() => setForm({ open: false })}
        onSaved={(unit, created) => {
          setForm({ open: false });
          void message.success(t(created ? 'unitForm.created' : 'unitForm.updated', { name: unit.name }));
        }}
      />
      <ImportDialogs state={importer.state} onConfirm={() => void importer.confirm()} onClose={importer.close} />
    </>
  );
}
