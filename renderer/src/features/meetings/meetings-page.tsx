import { CalendarOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, Empty, Flex, Segmented, Select, Skeleton, Space, type ThemeConfig } from 'antd';
import { Suspense, lazy, useMemo, useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import type { MeetingKind, MeetingState } from '../../../../shared/domain';
import { getDataLayer, useMeetings } from '../../db';
import type { MeetingListFilter } from '../../db/types';
import { Guarded, Page, todayIso } from '../../ui';
import { useAddressParams } from '../../ui/address-params';
import { LedgerExportButton } from '../ledgers/ledger-export-button';
import { useMeetingsText } from './labels';
import { MeetingCalendar } from './list/meeting-calendar';
import { meetingLedgerJob } from './list/meeting-ledger';
import { MeetingTable } from './list/meeting-table';
import { MeetingDetailPage } from './meeting-detail';
import { MeetingFormModal } from './meeting-form-modal';
import { useMeetingLookups } from './use-lookups';

// The minutes screen brings the editor (Tiptap/ProseMirror): loaded only when it is opened.
const MinutesPage = lazy(() => import('../minutes/minutes-page'));

/**
 * 会议 (/meetings/*): the list (/meetings, ?view=calendar for the calendar) and one meeting
 * (/meetings/:id, /meetings/:id/:tab) and its minutes (/meetings/:id/minutes). Routes live here so the
 * shell only mounts `meetings/*`.
 */
export function MeetingsPage() {
  return (
    <ConfigProvider theme={LIGHT_SELECTION}>
      <Routes>
        <Route index element={<MeetingsHome />} />
        <Route path=":id" element={<MeetingDetailPage />} />
        <Route
          path=":id/minutes"
          element={
            <Suspense fallback={<Skeleton active />}>
              <MinutesPage />
            </Suspense>
          }
        />
        <Route path=":id/:tab" element={<MeetingDetailPage />} />
      </Routes>
    </ConfigProvider>
  );
}

/**
 * The light tints antd derives from the navy primary come out as a heavy grey, which made the calendar's
 * selected day and the info notes look disabled. These pages use the pale blue of the selected menu item.
 */
const LIGHT_SELECTION: ThemeConfig = {
  token: { colorPrimaryBg: '#e8eef7', colorInfoBg: '#eef3fa', colorInfoBorder: '#c9d6ea' },
  components: { Calendar: { itemActiveBg: '#e8eef7' } },
};

type View = 'table' | 'calendar';

function MeetingsHome() {
  const { t, kindOptions, stateOptions, officialName } = useMeetingsText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, changeParams] = useAddressParams();
  const view: View = params.get('view') === 'calendar' ? 'calendar' : 'table';
  const [year, setYear] = useState<number>();
  const [kind, setKind] = useState<MeetingKind>();
  const [state, setState] = useState<MeetingState>();
  const [creating, setCreating] = useState(false);
  const lookups = useMeetingLookups();
  const all = useMeetings();
  // The calendar pages through months itself, so the year filter only applies to the table.
  const filter: MeetingListFilter = {
    ...(view === 'table' && year !== undefined ? { year } : {}),
    ...(kind ? { kind } : {}),
    ...(state ? { states: [state] } : {}),
  };
  const rows = useMeetings(filter);

  const yearOptions = useMemo(() => {
    const years = new Set((all ?? []).map((m) => m.year));
    years.add(Number(todayIso().slice(0, 4)));
    return [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: t('meetings:list.year', { year: y }) }));
  }, [all, t]);

  const setView = (v: View) => {
    changeParams((next) => {
      if (v === 'calendar') next.set('view', 'calendar');
      else next.delete('view');
    });
  };

  const noPeople = !lookups.loading && lookups.activePeople.length === 0;

  return (
    <Page
      title={t('meetings:page.title')}
      description={t('meetings:page.description')}
      extra={
        <Flex gap={8}>
          {/* 会议台账 of the meetings the list shows now (year, kind and state filters). */}
          {all !== undefined && all.length > 0 ? (
            <LedgerExportButton
              ns="meetings"
              testId="meetings-ledger-export"
              job={(filterName) => meetingLedgerJob(getDataLayer(), filter, todayIso(), filterName)}
            />
          ) : null}
          {/* Only the office convenes meetings: other roles see the list without the button. */}
          <Guarded action="meeting.create" hide>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('meetings:list.create')}
            </Button>
          </Guarded>
        </Flex>
      }
    >
      {all !== undefined && all.length === 0 ? (
        <Empty
          description={noPeople ? t('meetings:list.emptyNoPeople') : t('meetings:list.empty')}
          style={{ margin: '48px 0' }}
        >
          {noPeople ? (
            <Button onClick={() => void navigate('/units')}>{t('meetings:list.goPeople')}</Button>
          ) : (
            <Guarded action="meeting.create" hide>
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('meetings:list.create')}
              </Button>
            </Guarded>
          )}
        </Empty>
      ) : (
        <>
          <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
            <Space wrap size={12}>
              {view === 'table' ? (
                <Select<number>
                  aria-label={t('meetings:list.yearFilter')}
                  allowClear
                  placeholder={t('meetings:list.allYears')}
                  style={{ width: 130 }}
                  value={year}
                  onChange={setYear}
                  options={yearOptions}
                />
              ) : null}
              <Select<MeetingKind>
                aria-label={t('meetings:list.kindFilter')}
                allowClear
                placeholder={t('meetings:list.allKinds')}
                style={{ width: 160 }}
                value={kind}
                onChange={setKind}
                options={kindOptions}
              />
              <Select<MeetingState>
                aria-label={t('meetings:list.stateFilter')}
                allowClear
                placeholder={t('meetings:list.allStates')}
                style={{ width: 130 }}
                value={state}
                onChange={setState}
                options={stateOptions}
              />
            </Space>
            <Segmented<View>
              aria-label={t('meetings:list.view')}
              value={view}
              onChange={setView}
              options={[
                { value: 'table', label: t('meetings:list.table'), icon: <TableOutlined aria-hidden /> },
                { value: 'calendar', label: t('meetings:list.calendar'), icon: <CalendarOutlined aria-hidden /> },
              ]}
            />
          </Flex>
          {view === 'table' ? <MeetingTable rows={rows} lookups={lookups} /> : <MeetingCalendar rows={rows} />}
        </>
      )}
      <MeetingFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(m) => {
          setCreating(false);
          void message.success(t('meetings:form.created', { name: officialName(m) }));
          void navigate(`/meetings/${m.id}/agenda`);
        }}
      />
    </Page>
  );
}
