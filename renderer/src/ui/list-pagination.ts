import type { TablePaginationConfig } from 'antd';

/** The paging of every register list: 20 rows a page, no size changer, no pager while one page holds all. */
export function listPagination(totalText: (count: number) => string): TablePaginationConfig {
  return { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => totalText(total) };
}
