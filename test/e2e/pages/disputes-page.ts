import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { chooseOption, chooseOptions } from './select';

/** Page object for 执法争议 (/disputes): register, lifecycle steps, review, exports. */
export class DisputesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/disputes');
    await expect(this.page.getByRole('heading', { name: '执法争议' })).toBeVisible();
  }

  async openReview(): Promise<void> {
    await this.page.getByRole('tab', { name: /主任审阅/ }).click();
    await expect(this.page).toHaveURL(/#\/disputes\/review$/);
  }

  get modal(): Locator {
    return this.page.locator('.ant-modal-wrap:visible .ant-modal');
  }

  /** Types a date into the IsoDatePicker labelled `label` (format YYYY-MM-DD). */
  async fillDate(scope: Locator, label: string, iso: string): Promise<void> {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(iso);
    // Tab, not Enter: Enter inside a form submits it.
    await input.press('Tab');
    await expect(input).toHaveValue(iso);
  }

  /** Picks `option` in the antd Select labelled `label`. */
  async choose(scope: Locator, label: string, option: string): Promise<void> {
    await chooseOption(this.page, scope, label, option);
  }

  /** Picks several options in the multi-select labelled `label`, then closes its dropdown. */
  async chooseMany(scope: Locator, label: string, options: readonly string[]): Promise<void> {
    await chooseOptions(this.page, scope, label, options);
  }

  async register(input: {
    matter: string;
    type: string;
    registeredOn: string;
    parties: string[];
    firstHandling: string;
    positions: Record<string, string>;
    place?: string;
  }): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '登记争议' }).first().click();
    const m = this.modal;
    await expect(m.getByText('登记执法争议')).toBeVisible();
    await m.getByLabel('争议事项').fill(input.matter);
    await this.choose(m, '类型', input.type);
    await this.fillDate(m, '登记日期', input.registeredOn);
    if (input.place) await m.getByLabel('地点').fill(input.place);
    // One party is not a dispute: said as soon as it is chosen, and once.
    await this.chooseMany(m, '争议各方', input.parties.slice(0, 1));
    await expect(m.getByText('争议各方至少两个单位')).toHaveCount(1);
    await this.chooseMany(m, '争议各方', input.parties.slice(1));
    await expect(m.getByText('争议各方至少两个单位')).toHaveCount(0);
    await expect(m).toBeVisible();
    await this.choose(m, '先行处理单位', input.firstHandling);
    for (const [unit, text] of Object.entries(input.positions)) await m.getByLabel(`${unit}的意见`).fill(text);
    await m.getByRole('button', { name: '登记', exact: true }).click();
    await expect(m).toBeHidden();
    await expect(page).toHaveURL(/#\/disputes\/[^/]+$/);
  }

  /** Opens the step button `action` on the detail page and returns its modal. */
  async startAction(action: string): Promise<Locator> {
    await this.page.getByRole('button', { name: action, exact: true }).click();
    await expect(this.modal.locator('.ant-modal-title')).toHaveText(action);
    return this.modal;
  }

  async submitAction(m: Locator): Promise<void> {
    await m.getByRole('button', { name: '确定', exact: true }).click();
    await expect(m).toBeHidden();
  }

  async addRound(date: string, participants: string, content: string, outcome: string): Promise<void> {
    const m = await this.startAction('记录协商');
    await this.fillDate(m, '协商日期', date);
    await m.getByLabel('参加人员').fill(participants);
    await m.getByLabel('协商内容').fill(content);
    await m.getByLabel('协商结果').fill(outcome);
    await this.submitAction(m);
  }

  stateTag(): Locator {
    return this.page.locator('.jd-page-title [data-state]');
  }

  /** Clicks a button that triggers a browser download and returns it. */
  async download(trigger: () => Promise<void>): Promise<Download> {
    const pending = this.page.waitForEvent('download');
    await trigger();
    return pending;
  }
}
