import { Tabs } from 'antd';
import { Page } from '../../ui';
import { useAddressParams } from '../../ui/address-params';
import { PeopleTab } from './people/people-tab';
import { readUnitsPageQuery, unitsPageQuery, type UnitsPageTab } from './page-query';
import { useUnitsText } from './shared/labels';
import { UnitsTab } from './units/units-tab';

/** 单位与人员 (/units): tabs 成员单位 and 人员; the tab and unit filter live in the URL to survive reloads. */
export function UnitsPeoplePage() {
  const { t } = useUnitsText();
  const [params, changeParams] = useAddressParams();
  const { tab, unitId } = readUnitsPageQuery(params);

  // Switching tabs is a history step (Back returns); changing the filter within a tab replaces it.
  const go = (next: UnitsPageTab, nextUnitId?: string) =>
    changeParams(() => new URLSearchParams(unitsPageQuery(next, nextUnitId)), { replace: next === tab });

  return (
    <Page title={t('page.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => go(key === 'people' ? 'people' : 'units')}
        destroyOnHidden
        items={[
          {
            key: 'units',
            label: t('page.tabUnits'),
            children: <UnitsTab active={tab === 'units'} onShowPeople={(id) => go('people', id)} />,
          },
          {
            key: 'people',
            label: t('page.tabPeople'),
            children: <PeopleTab active={tab === 'people'} unitId={unitId} onUnitIdChange={(id) => go('people', id)} />,
          },
        ]}
      />
    </Page>
  );
}
