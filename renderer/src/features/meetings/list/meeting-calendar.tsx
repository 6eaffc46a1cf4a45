import { Badge, Calendar, Flex, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Meeting } from '../../../../../shared/domain';
import { todayIso } from '../../../ui';
import { useMeetingsText } from '../labels';
import { meetingStateColor } from '../state-tag';

/** 日历 view: meetings on their day (month view) or counted per month (year view); a click opens one. */
export function MeetingCalendar({ rows }: { rows: Meeting[] | undefined }) {
  const { t, officialName, kindLabel, stateLabel, time, dateTime } = useMeetingsText();
  const navigate = useNavigate();
  const [value, setValue] = useState<Dayjs>(() => dayjs(todayIso()));

  const byDay = useMemo(() => {
    const map = new Map<string, Meeting[]>();
    for (const m of rows ?? []) {
      const key = m.startsAt.slice(0, 10);
      map.set(
        key,
        [...(map.get(key) ?? []), m].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      );
    }
    return map;
  }, [rows]);

  const byMonth = useMemo(() => {
    const map = new Map<string, number>();
    for (const m of rows ?? []) map.set(m.startsAt.slice(0, 7), (map.get(m.startsAt.slice(0, 7)) ?? 0) + 1);
    return map;
  }, [rows]);

  return (
    <Calendar
      value={value}
      onPanelChange={(d) => setValue(d)}
      onSelect={(d, info) => {
        setValue(d);
        // Clicking a day with one meeting opens it; the buttons inside the cell handle several.
        if (info.source === 'date') {
          const list = byDay.get(d.format('YYYY-MM-DD'));
          if (list && list.length === 1 && list[0]) void navigate(`/meetings/${list[0].id}`);
        }
      }}
      cellRender={(d, info) => {
        if (info.type === 'month') {
          const n = byMonth.get(d.format('YYYY-MM'));
          return n ? <Badge color="blue" text={t('meetings:calendar.monthCount', { count: n })} /> : null;
        }
        if (info.type !== 'date') return info.originNode;
        const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
        return (
          <Flex vertical gap={2}>
            {list.map((m) => (
              <Tooltip
                key={m.id}
                title={`${officialName(m)} · ${dateTime(m.startsAt)} · ${m.place} · ${stateLabel(m.state)}`}
              >
                <Typography.Link
                  className="jd-meeting-cal-item"
                  onClick={(e) => {
                    e.stopPropagation();
                    void navigate(`/meetings/${m.id}`);
                  }}
                  style={{
                    fontSize: 12,
                    lineHeight: '18px',
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                  }}
                >
                  <Badge color={badgeColor(meetingStateColor(m.state))} />
                  {` ${time(m.startsAt)} ${kindLabel(m.kind)}`}
                  {m.state === 'cancelled' ? t('meetings:calendar.cancelled') : ''}
                </Typography.Link>
              </Tooltip>
            ))}
          </Flex>
        );
      }}
    />
  );
}

/** Tag colour names that Badge does not know map to a neutral grey. */
function badgeColor(c: string): string {
  return c === 'default' ? 'gray' : c;
}
