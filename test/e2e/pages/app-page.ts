import { expect, type Page } from '@playwright/test';

/** The app shell: first start, demo data, navigation. Shared by every flow. */
export class AppPage {
  /** `base`: the app's address, for a page outside the configured context (a browser the test launched). */
  constructor(
    readonly page: Page,
    readonly base = '',
  ) {}

  /** Open the app on a fresh database and register the first user (办公室工作人员). */
  async firstStart(name = '王丽', unit = '城关镇综合行政执法办公室'): Promise<void> {
    await this.page.goto(`${this.base}/`);
    await expect(this.page.getByText('欢迎使用联席会议工作台')).toBeVisible();
    await this.page.getByLabel('姓名').fill(name);
    await this.page.getByLabel('所在单位').fill(unit);
    await this.page.getByRole('radio', { name: /办公室工作人员/ }).check();
    await this.page.getByRole('button', { name: '开始使用' }).click();
    await expect(this.page.getByRole('button', { name: '载入演示数据' })).toBeVisible();
  }

  /** Load the demo township from the workbench card and wait for the confirmation. */
  async loadDemoData(): Promise<void> {
    await this.page.getByRole('button', { name: '载入演示数据' }).click();
    await expect(this.page.getByText(/演示数据已载入，共 \d+ 条记录/)).toBeVisible({ timeout: 30_000 });
  }

  /** Both of the above: the usual start of a flow that works on the demo township. */
  async firstStartWithDemo(name?: string): Promise<void> {
    await this.firstStart(name);
    await this.loadDemoData();
  }

  /** Go to a section through the left navigation. */
  async nav(label: '工作台' | '会议' | '议题' | '争议' | '督办' | '单位与人员' | '统计' | '设置'): Promise<void> {
    await this.page.getByRole('menuitem', { name: label }).click();
  }
}
