export { UnitsPeoplePage } from './units-people-page';
export { readUnitsPageQuery, unitsPageQuery, type UnitsPageQuery, type UnitsPageTab } from './page-query';
