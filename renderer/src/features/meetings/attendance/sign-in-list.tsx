import { CheckCircleFilled } from '@ant-design/icons';
import { App, Button, Flex, Input, List, Tag, Typography, theme, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendance } from '../../../../../shared/domain';
import { getDataLayer } from '../../../db';
import { formatDateTime, useReportError } from '../../../ui';
import { useMeetingsText } from '../labels';
import type { MeetingLookups } from '../use-lookups';
import { attendeeOf } from './attendee';
import { AttendanceStatusTag } from './status-tag';

/**
 * 签到 on the day: type part of a name (or unit), Enter signs in the highlighted person, ↑/↓ move the
 * highlight. Those not yet signed in come first, so the first match is nearly always the one arriving.
 * The box keeps the focus after each sign-in, so a clerk at the door never touches the mouse.
 */
export function SignInList({ rows, lookups }: { rows: Attendance[]; lookups: MeetingLookups }) {
  const { t } = useMeetingsText();
  const { t: tg } = useTranslation('attendanceGuest');
  const { token } = theme.useToken();
  const { message, modal } = App.useApp();
  const reportError = useReportError();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<InputRef>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const entries = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('zh-CN');
    return rows
      .map((a) => {
        const who = attendeeOf(a, lookups);
        return {
          a,
          name: who.name,
          unit: who.unitName,
          shortUnit: who.unitShortName,
          post: who.post ?? '',
          guest: who.guest,
        };
      })
      .filter((e) =>
        !q
          ? true
          : [e.name, e.unit, e.shortUnit, e.post, e.a.substituteName ?? ''].some((f) =>
              f.toLocaleLowerCase('zh-CN').includes(q),
            ),
      )
      .sort((x, y) => Number(isSignedIn(x.a)) - Number(isSignedIn(y.a)));
  }, [rows, lookups, query]);

  const current = Math.min(active, Math.max(entries.length - 1, 0));

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const signIn = async (a: Attendance, name: string) => {
    if (isSignedIn(a)) {
      void message.info(t('meetings:signIn.already', { name }));
      return;
    }
    try {
      if (a.status === 'leave') {
        // Signing in someone on leave replaces the leave: ask first; the audit keeps the reason it replaces.
        const ok = await modal.confirm({
          title: t('meetings:signIn.onLeaveTitle', { name }),
          content: t('meetings:signIn.onLeaveText', { reason: a.leaveReason ?? t('meetings:signIn.noReason') }),
          okText: t('meetings:signIn.onLeaveOk'),
          cancelText: t('common:actions.cancel'),
        });
        if (!ok) return;
      }
      const row = await getDataLayer().attendance.signIn(a.id, { confirmLeave: a.status === 'leave' });
      void message.success(
        t('meetings:signIn.done', {
          name: row.status === 'substituted' ? `${row.substituteName ?? ''}（${name}）` : name,
        }),
      );
      setQuery('');
      setActive(0);
    } catch (e) {
      reportError(e);
    } finally {
      inputRef.current?.focus();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter that ends an IME composition picks the characters; it must not sign anyone in.
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(Math.min(current + 1, entries.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = entries[current];
      if (hit) void signIn(hit.a, hit.name);
    } else if (e.key === 'Escape') {
      setQuery('');
      setActive(0);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Input
        ref={inputRef}
        autoFocus
        size="large"
        allowClear
        aria-label={t('meetings:signIn.search')}
        placeholder={t('meetings:signIn.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls="jd-sign-in-list"
        aria-activedescendant={entries[current] ? `jd-sign-in-${entries[current].a.id}` : undefined}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('meetings:signIn.keys')}
      </Typography.Text>
      <div
        ref={listRef}
        id="jd-sign-in-list"
        role="listbox"
        aria-label={t('meetings:signIn.listLabel')}
        style={{ maxHeight: 480, overflowY: 'auto' }}
      >
        <List
          size="small"
          bordered
          dataSource={entries}
          rowKey={(e) => e.a.id}
          locale={{ emptyText: t('meetings:signIn.noMatch') }}
          renderItem={(e, index) => {
            const selected = index === current;
            const signed = isSignedIn(e.a);
            return (
              <List.Item
                id={`jd-sign-in-${e.a.id}`}
                data-index={index}
                data-testid="sign-in-row"
                role="option"
                aria-selected={selected}
                onClick={() => setActive(index)}
                style={{
                  background: selected ? token.colorPrimaryBg : undefined,
                  boxShadow: selected ? `inset 3px 0 0 ${token.colorPrimary}` : undefined,
                  cursor: 'pointer',
                }}
                actions={[
                  signed ? (
                    <Typography.Text key="t" type="success">
                      <CheckCircleFilled aria-hidden />{' '}
                      {e.a.signedInAt ? formatDateTime(e.a.signedInAt).slice(11, 16) : t('meetings:signIn.marked')}
                    </Typography.Text>
                  ) : (
                    <Button
                      key="b"
                      size="small"
                      type={selected ? 'primary' : 'default'}
                      tabIndex={-1}
                      onClick={() => void signIn(e.a, e.name)}
                    >
                      {t('meetings:signIn.button')}
                    </Button>
                  ),
                ]}
              >
                <Flex gap={12} align="center" wrap>
                  <Typography.Text strong style={{ fontSize: 16, minWidth: 72 }}>
                    {e.name}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {e.unit}
                    {e.post ? ` · ${e.post}` : ''}
                  </Typography.Text>
                  {e.a.observer ? (
                    <Typography.Text type="secondary">{t('meetings:attendance.observer')}</Typography.Text>
                  ) : null}
                  {e.guest ? (
                    <Tag color="gold" title={tg('markerTitle')}>
                      {tg('marker')}
                    </Tag>
                  ) : null}
                  {e.a.status !== 'invited' ? <AttendanceStatusTag status={e.a.status} /> : null}
                  {e.a.status === 'substituted' ? (
                    <Typography.Text type="secondary">
                      {t('meetings:attendance.substitutedBy', { name: e.a.substituteName ?? '' })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </List.Item>
            );
          }}
        />
      </div>
    </Flex>
  );
}

function isSignedIn(a: Attendance): boolean {
  return a.signedInAt !== undefined || a.status === 'present';
}
