import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { chooseOption, openDropdowns } from './select';

export interface NewMeeting {
  kind?: '定期联席会议' | '专题会议' | '联动会商会议';
  /** `YYYY-MM-DD HH:mm`, as typed into the picker. */
  startsAt: string;
  place: string;
  /** The chair's name (the option reads “罗建平（总召集人，镇长）”). */
  chair: string;
  title?: string;
}

/**
 * Page object for 会议 (/meetings): the list (table and calendar), the create form, and one meeting's
 * tabs — the agenda builder, attendance (list and sign-in mode) and the documents panel.
 */
export class MeetingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/meetings');
    await expect(this.page.getByRole('heading', { name: '会议', exact: true })).toBeVisible();
  }

  get modal(): Locator {
    return this.page.locator('.ant-modal-wrap:visible .ant-modal');
  }

  /** 新建会议 → fill; returns the sequence preview text (e.g. 本次会议将编为第五次：…) before creating. */
  async create(m: NewMeeting): Promise<string> {
    await this.page.getByRole('button', { name: '新建会议' }).first().click();
    const form = this.modal;
    await expect(form.locator('.ant-modal-title')).toHaveText('新建会议');
    if (m.kind) await form.getByText(m.kind, { exact: true }).click();
    const date = form.getByLabel('会议时间');
    await date.click();
    await date.fill(m.startsAt);
    await date.press('Enter');
    await form.getByLabel('会议地点').fill(m.place);
    await expect(date).toHaveValue(m.startsAt);
    await this.pick(form, '主持人', m.chair);
    if (m.title) await form.getByLabel('会议名称').fill(m.title);
    const preview = (await form.getByTestId('meeting-sequence-preview').textContent()) ?? '';
    await form.getByRole('button', { name: '创建会议' }).click();
    await expect(form).toBeHidden();
    await expect(this.page).toHaveURL(/#\/meetings\/[^/]+\/agenda$/);
    return preview;
  }

  /**
   * 新增议题 on the topics page with the few fields this flow needs, checking that each select choice
   * took (TopicsPage.submitTopic's one-shot option click missed now and then in this flow).
   */
  async submitTopic(t: { title: string; unit: string; category: string; description: string }): Promise<void> {
    await this.page.goto('/#/topics');
    await this.page.getByRole('button', { name: '新增议题' }).first().click();
    const m = this.modal;
    await expect(m.locator('.ant-modal-title')).toHaveText('新增议题');
    await m.getByLabel('议题名称').fill(t.title);
    await this.pick(m, '提交单位', t.unit);
    await this.pick(m, '议题类别', t.category);
    await m.getByLabel('情况说明').fill(t.description);
    await m.getByRole('button', { name: /^提\s?交$/ }).click();
    await expect(m).toBeHidden();
  }

  /**
   * Opens the antd Select labelled `label`, narrows it by typing, clicks the option starting with
   * `option`; retries until the choice shows (a click on a freshly filtered list can land while it moves).
   */
  async pick(scope: Locator, label: string, option: string): Promise<void> {
    // Options may carry more than the name (罗建平（总召集人，镇长）): match the beginning.
    await chooseOption(this.page, scope, label, option, { prefix: true });
  }

  async tab(name: '议程' | '参会人员' | '会议文件'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** A hand-made state change from the page header (标记为已通知 / 标记为已召开 / 退回筹备), confirmed. */
  async transition(button: '标记为已通知' | '标记为已召开' | '退回筹备', state: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    const confirm = this.page.getByRole('tooltip').filter({ visible: true });
    await confirm.getByRole('button', { name: '确认', exact: true }).click();
    await expect(this.page.getByText(`会议状态已改为“${state}”`)).toBeVisible();
  }

  // ---- agenda ----

  proposal(title: string | RegExp): Locator {
    return this.page.getByTestId('standing-proposal').filter({ hasText: title });
  }

  backlogTopic(title: string): Locator {
    return this.page.getByTestId('backlog-topic').filter({ hasText: title });
  }

  agendaItems(): Locator {
    return this.page.getByTestId('agenda-item');
  }

  agendaItem(title: string | RegExp): Locator {
    return this.agendaItems().filter({ has: this.page.getByTestId('agenda-item-title').filter({ hasText: title }) });
  }

  async agendaTitles(): Promise<string[]> {
    return (await this.page.getByTestId('agenda-item-title').allTextContents()).map((s) => s.trim());
  }

  /** One click on a standing proposal's 添加. */
  async addProposal(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `将“${title}”加入议程` }).click();
    await expect(this.agendaItem(title)).toBeVisible();
  }

  async scheduleTopic(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `将议题“${title}”排入议程` }).click();
    await expect(this.agendaItem(title)).toBeVisible();
  }

  /** 添加事项 → 传达上级精神 / 阶段性工作总结. */
  async addStanding(label: '传达上级精神' | '阶段性工作总结'): Promise<void> {
    await this.page.getByRole('button', { name: /添加事项/ }).click();
    await this.page.getByRole('menuitem', { name: label }).click();
  }

  async setMinutes(title: string, minutes: number): Promise<void> {
    const input = this.agendaItem(title).getByLabel('时长（分钟）');
    await input.fill(String(minutes));
    await input.press('Enter');
  }

  async setPresenter(title: string, unit: string): Promise<void> {
    const select = this.agendaItem(title).getByLabel('汇报单位');
    // Options show the short name (综合执法队); the search also matches the full name typed here.
    const option = openDropdowns(this.page).locator('.ant-select-item-option').first();
    await expect(async () => {
      if (!(await option.isVisible())) {
        await select.click();
        await select.fill(unit);
      }
      await option.click({ timeout: 2_000 });
      await expect(openDropdowns(this.page)).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }

  async move(title: string, direction: '上移' | '下移'): Promise<void> {
    await this.page.getByRole('button', { name: `${direction}“${title}”` }).click();
  }

  // ---- attendance ----

  attendanceRow(name: string): Locator {
    return this.page.locator('.ant-table-row').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** 请假 with a reason (checks first that the reason is required). */
  async markLeave(name: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: `${name} 请假` }).click();
    const m = this.modal;
    await expect(m.getByLabel('请假原因')).toBeFocused();
    // Without a reason the form refuses and says what is missing.
    await expect(async () => {
      await m.getByRole('button', { name: '确定请假' }).click();
      await expect(m.getByText('请填写请假原因')).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await m.getByLabel('请假原因').fill(reason);
    await m.getByRole('button', { name: '确定请假' }).click();
    await expect(m).toBeHidden();
    await expect(this.attendanceRow(name)).toContainText(`原因：${reason}`);
  }

  /**
   * 添加列席人员 → 非登记人员: a named guest (姓名, 单位, 职务 as typed). Checks first that the form refuses
   * an empty name as it is typed, with the field's own message.
   */
  async addGuest(g: { name: string; unit: string; post?: string }): Promise<void> {
    await this.page.getByRole('button', { name: '添加列席人员' }).click();
    const m = this.modal;
    await expect(m.locator('.ant-modal-title')).toHaveText('添加列席人员');
    await m.getByText('非登记人员', { exact: true }).click();
    const name = m.getByLabel('姓名');
    await expect(name).toBeFocused();
    await name.fill('王');
    await name.fill('');
    await expect(m.getByText('请填写姓名')).toBeVisible();
    await name.fill(g.name);
    await expect(m.getByText('请填写姓名')).toHaveCount(0);
    await m.getByLabel('单位').fill(g.unit);
    if (g.post) await m.getByLabel('职务').fill(g.post);
    await m.getByRole('button', { name: '添加', exact: true }).click();
    await expect(m).toBeHidden();
    await expect(this.attendanceRow(g.name)).toContainText(g.unit);
  }

  async signInMode(): Promise<Locator> {
    const box = this.page.getByLabel('签到查找');
    // On the meeting day the tab opens in sign-in mode already.
    if (!(await box.isVisible())) await this.page.getByText('签到', { exact: true }).first().click();
    else await box.click();
    await expect(box).toBeFocused();
    return box;
  }

  /** The figure under 应到 / 实到 / 请假 / 缺席 / 未到 / 列席. */
  async count(label: '应到' | '实到' | '请假' | '缺席' | '未到' | '列席'): Promise<number> {
    const stat = this.page
      .getByTestId('attendance-counts')
      .locator('.ant-statistic')
      .filter({ hasText: label })
      .first();
    return Number(await stat.locator('.ant-statistic-content-value').textContent());
  }

  // ---- documents ----

  /** Saves the office details the documents panel asks for on first use (its defaults). */
  async confirmDocumentOffice(): Promise<void> {
    const save = this.page.getByRole('button', { name: '保存发文机关信息' });
    const ready = this.page.getByRole('button', { name: '预览并保存会议通知' });
    await expect(save.or(ready)).toBeVisible();
    if (await save.isVisible()) {
      await save.click();
      await expect(save).toBeHidden();
    }
  }

  /** 预览并保存… → waits for the rendered preview → 保存; returns the browser download. */
  async exportDocument(name: '会议通知' | '会议议程' | '签到表'): Promise<Download> {
    await this.page.getByRole('button', { name: `预览并保存${name}` }).click();
    const m = this.modal;
    await expect(m.locator('.jd-docx-preview section').first()).toBeVisible({ timeout: 30_000 });
    const pending = this.page.waitForEvent('download');
    await m.getByRole('button', { name: '保存', exact: true }).click();
    const download = await pending;
    await expect(m).toBeHidden();
    return download;
  }
}
