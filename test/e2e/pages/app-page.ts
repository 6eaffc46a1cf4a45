import { expect, type Locator, type Page } from '@playwright/test';
import { answerPassphrasePrompts } from './passphrase';
import { chooseOption } from './select';

/** The app shell: first start, demo data, navigation. Shared by every flow. */
export class AppPage {
  /** `base`: the app's address, for a page outside the configured context (a browser the test launched). */
  constructor(
    readonly page: Page,
    readonly base = '',
  ) {}

  /** Open the app on a fresh database and register the first user (办公室工作人员). */
  async firstStart(name = '王丽', unit = '城关镇综合行政执法办公室'): Promise<void> {
    // Complainant data is sealed (PII-1): the web build's passphrase dialogs are answered in every flow.
    await answerPassphrasePrompts(this.page);
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

  /** The user menu in the header (当前用户). */
  get userMenu(): Locator {
    return this.page.getByRole('button', { name: '当前用户，点击切换或新建用户' });
  }

  /**
   * 新建用户 through the user menu; the app switches to the new profile. `role` matches the radio's label;
   * a liaison also chooses the member unit (`memberUnit`, by default the unit typed as 所在单位).
   */
  async newProfile(name: string, unit: string, role: RegExp, memberUnit = unit): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: '新建用户' });
    const item = this.page.getByRole('menuitem', { name: '新建用户' });
    // A click that lands while the dropdown is still opening is lost: retried until the dialog shows.
    await expect(async () => {
      if (!(await item.isVisible())) await this.userMenu.click();
      await item.click({ timeout: 2_000 });
      await expect(dialog).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await dialog.getByLabel('姓名').fill(name);
    await dialog.getByLabel('所在单位').fill(unit);
    await dialog.getByRole('radio', { name: role }).check();
    const member = dialog.getByLabel('所属成员单位', { exact: true });
    // A liaison's member-unit field appears once the role is checked (not at once on a loaded machine);
    // the option reads the unit's full name, and a lost click is retried by chooseOption.
    if (role.test('联络员')) {
      await expect(member).toBeVisible();
      await chooseOption(this.page, dialog, '所属成员单位', memberUnit, { prefix: true });
    }
    await dialog.getByRole('button', { name: '创建并切换' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.userMenu).toContainText(name);
  }

  /** Switch to an existing profile through the user menu. */
  async switchProfile(name: string): Promise<void> {
    const item = this.page.getByRole('menuitem').filter({ hasText: name }).first();
    // A click while the dropdown is still opening is lost (the list stays open): clicked again until it closes.
    await expect(async () => {
      if (!(await item.isVisible())) await this.userMenu.click();
      await item.click({ timeout: 2_000 });
      await expect(item).toBeHidden({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(this.userMenu).toContainText(name);
  }

  /**
   * A control the current role may not use (ui/Guarded): disabled, and hovering it shows `reason`.
   * `control` is the button itself; the tooltip hangs on its wrapper.
   */
  async expectDenied(control: Locator, reason: string | RegExp): Promise<void> {
    await expect(control).toBeVisible();
    await expect(control).toBeDisabled();
    const wrapper = control.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " jd-guarded ")][1]');
    await wrapper.hover();
    await expect(this.page.getByRole('tooltip').filter({ hasText: reason })).toBeVisible();
    // Move away so the tooltip does not cover the next control.
    await this.page.mouse.move(0, 0);
    await expect(this.page.getByRole('tooltip').filter({ hasText: reason })).toBeHidden();
  }
}
