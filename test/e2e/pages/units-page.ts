import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './select';

/** 单位与人员: the two tabs, their forms, archive/delete and the xlsx import. */
export class UnitsPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async open(tab: 'units' | 'people' = 'units'): Promise<void> {
    await this.page.goto(`/#/units?tab=${tab}`);
    await expect(this.page.getByRole('tab', { name: tab === 'units' ? '成员单位' : '人员' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  /** Pick an option of the antd Select labelled `label` inside the open dialog. */
  private async choose(label: string, option: string): Promise<void> {
    await chooseOption(this.page, this.dialog, label, option);
  }

  async createUnit(u: { name: string; kind: string; liaison?: string; phone?: string }): Promise<void> {
    await this.page.getByRole('button', { name: '新增单位' }).click();
    await this.dialog.getByLabel('单位名称', { exact: true }).fill(u.name);
    await this.choose('单位类别', u.kind);
    if (u.liaison) await this.dialog.getByLabel('联络人', { exact: true }).fill(u.liaison);
    if (u.phone) await this.dialog.getByLabel('联络电话', { exact: true }).fill(u.phone);
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async createPerson(p: { name: string; unit: string; role: string; post?: string; phone?: string }): Promise<void> {
    await this.page.getByRole('button', { name: '新增人员' }).click();
    await this.dialog.getByLabel('姓名', { exact: true }).fill(p.name);
    await this.choose('所属单位', p.unit);
    if (p.post) await this.dialog.getByLabel('职务', { exact: true }).fill(p.post);
    await this.choose('联席会议职务', p.role);
    if (p.phone) await this.dialog.getByLabel('联系电话', { exact: true }).fill(p.phone);
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: /^搜索/ }).fill(text);
  }

  row(text: string): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  async showArchived(on = true): Promise<void> {
    const sw = this.page.getByLabel('显示已归档');
    if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
  }

  /** Open the import file chooser and hand it a workbook. */
  async importFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '导入', exact: true }).click();
    await (await chooser).setFiles(path);
  }
}
