import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption, escapeRegExp as escape } from './select';

/** A file for the intake form's attachment picker (Playwright's setInputFiles payload). */
export interface TopicFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface NewTopic {
  title: string;
  /** Submitting unit, as listed (e.g. 城关镇人民政府). */
  unit: string;
  /** Category label (管辖争议, 职责边界, 案件移送 …). */
  category: string;
  description: string;
  urgent?: boolean;
  relatedUnits?: string[];
  proposedHandling?: string;
  complainant?: { name?: string; phone?: string; idNumber?: string; address?: string };
  files?: TopicFile[];
}

/** The topic states as the list's segmented filter and the state tags name them. */
export type TopicStateLabel =
  '待审核' | '已受理' | '退回' | '已合并' | '转争议' | '已排入议程' | '已上会' | '已议定' | '暂缓' | '提交党政联席会议';

/**
 * Page object for 议题 (/topics): intake, the list with its per-state counts, and triage on a topic's
 * page. Each triage method opens the topic from the list first, so callers can chain them freely.
 */
export class TopicsPage {
  constructor(readonly page: Page) {}

  /** The list, straight through the URL (works from anywhere in the app). */
  async open(): Promise<void> {
    await this.page.goto('/#/topics');
    await expect(this.page.getByRole('heading', { name: '议题', exact: true })).toBeVisible();
  }

  get modal(): Locator {
    return this.page.locator('.ant-modal-wrap:visible .ant-modal');
  }

  /** Opens the intake form (button, or the N shortcut when `viaKeyboard`). */
  async openIntake(viaKeyboard = false): Promise<Locator> {
    if (viaKeyboard) {
      // N is ignored while typing: leave the search box first.
      await this.page.locator('.jd-page-title').click();
      await this.page.keyboard.press('n');
    } else await this.page.getByRole('button', { name: '新增议题' }).first().click();
    const m = this.modal;
    await expect(m.locator('.ant-modal-title')).toHaveText('新增议题');
    return m;
  }

  /**
   * Picks `option` in the antd Select labelled `label` (typing to search first when it can). Retried
   * until the choice shows: a click that lands on the previous dropdown while it fades out is lost.
   */
  async choose(scope: Locator, label: string, option: string): Promise<void> {
    await chooseOption(this.page, scope, label, option);
  }

  /** Fills the intake form (without sending it). */
  async fillIntake(m: Locator, t: NewTopic): Promise<void> {
    await m.getByLabel('议题名称').fill(t.title);
    await this.choose(m, '提交单位', t.unit);
    await this.choose(m, '议题类别', t.category);
    if (t.urgent) await m.locator('label.ant-radio-button-wrapper').filter({ hasText: '紧急' }).click();
    for (const u of t.relatedUnits ?? []) await this.choose(m, '相关单位', u);
    if (t.relatedUnits?.length) await m.getByLabel('情况说明').click(); // closes the multi-select dropdown
    await m.getByLabel('情况说明').fill(t.description);
    if (t.proposedHandling) await m.getByLabel('拟处理意见').fill(t.proposedHandling);
    if (t.complainant) {
      await m.getByLabel('本议题涉及投诉举报人').check();
      const c = t.complainant;
      if (c.name) await m.getByLabel('姓名', { exact: true }).fill(c.name);
      if (c.phone) await m.getByLabel('联系电话').fill(c.phone);
      if (c.idNumber) await m.getByLabel('身份证号').fill(c.idNumber);
      if (c.address) await m.getByLabel('住址').fill(c.address);
    }
    if (t.files?.length) await m.locator('input[type=file]').setInputFiles(t.files);
  }

  /** 新增议题 → fill → 提交; waits for the modal to close and the row to appear in the list. */
  async submitTopic(t: NewTopic): Promise<void> {
    if (!/#\/topics$/.test(this.page.url())) await this.open();
    // A filter left by openTopic would hide the new row.
    await this.clearFilters();
    const m = await this.openIntake();
    await this.fillIntake(m, t);
    await m.getByRole('button', { name: /^提\s?交$/ }).click();
    await expect(m).toBeHidden();
    await expect(this.row(t.title)).toBeVisible();
  }

  /** The list row of a topic (clears a state filter that could hide it). */
  row(title: string): Locator {
    return this.page.locator('.ant-table-row').filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /** From the list (opened if needed) to the topic's page. */
  async openTopic(title: string): Promise<void> {
    if (!/#\/topics$/.test(this.page.url())) await this.open();
    await this.showState('全部');
    await this.search(title);
    await this.row(title).getByText(title, { exact: true }).click();
    await expect(this.page).toHaveURL(/#\/topics\/[^/]+$/);
    await expect(this.page.locator('.jd-page-title')).toContainText(title);
  }

  /** 受理 on the topic's page. */
  async acceptTopic(title: string): Promise<void> {
    await this.openTopic(title);
    await this.stepButton('受理').click();
    await expect(this.stateTag()).toHaveText('已受理');
  }

  /** 退回 with a reason. */
  async returnTopic(title: string, reason: string): Promise<void> {
    await this.openTopic(title);
    await this.stepButton('退回').click();
    const m = this.modal;
    await m.getByLabel('退回原因').fill(reason);
    await m.getByRole('button', { name: /^退\s?回$/ }).click();
    await expect(m).toBeHidden();
    await expect(this.stateTag()).toHaveText('退回');
    await expect(this.page.getByText(`退回原因：${reason}`)).toBeVisible();
  }

  /** 合并 into the topic titled `intoTitle`, picked from the searchable list. */
  async mergeTopic(title: string, intoTitle: string): Promise<void> {
    await this.openTopic(title);
    await this.stepButton('合并').click();
    const m = this.modal;
    // Options read “title（unit，date）”: matched by the beginning.
    await chooseOption(this.page, m, '合并到', intoTitle, { prefix: true });
    await m.getByRole('button', { name: /^合\s?并$/ }).click();
    await expect(m).toBeHidden();
    await expect(this.stateTag()).toHaveText('已合并');
    await expect(this.page.locator('.jd-topic-banner')).toContainText(`已合并至《${intoTitle}》`);
  }

  /**
   * 转为争议 (choosing `otherParty` when the topic names only its own unit); returns the dispute's
   * route (`#/disputes/<id>`) from the link the topic then shows.
   */
  async convertTopic(title: string, otherParty?: string): Promise<string> {
    await this.openTopic(title);
    await this.stepButton('转为争议').click();
    const m = this.modal;
    if (otherParty) {
      await this.choose(m, '争议另一方', otherParty);
      await m.locator('.ant-modal-title').click(); // closes the multi-select dropdown
    }
    await m.getByRole('button', { name: '转为争议' }).click();
    await expect(m).toBeHidden();
    await expect(this.stateTag()).toHaveText('转争议');
    const link = this.page.getByRole('link', { name: '查看争议' });
    await expect(link).toBeVisible();
    return (await link.getAttribute('href')) ?? '';
  }

  /** A step button of the topic's page (antd spaces two-character labels: “受 理”). */
  stepButton(label: string): Locator {
    const name = [...label].length === 2 ? new RegExp(`^${[...label].join('\\s?')}$`) : label;
    return this.page.locator('.jd-topic-steps').getByRole('button', { name, exact: typeof name === 'string' });
  }

  stateTag(): Locator {
    return this.page.locator('.jd-page-title [data-state]').first();
  }

  /** The count on a state filter of the list (全部 for all), with no other filter applied. */
  async count(state: TopicStateLabel | '全部'): Promise<number> {
    if (!/#\/topics$/.test(this.page.url())) await this.open();
    await this.search('');
    const option = this.page.locator('.jd-topic-state-option').filter({ hasText: state }).first();
    return Number(await option.getAttribute('data-count'));
  }

  async showState(state: TopicStateLabel | '全部'): Promise<void> {
    await this.page
      .locator('.jd-topic-states .ant-segmented-item')
      .filter({ hasText: new RegExp(`^${escape(state)}\\d`) })
      .click();
  }

  /** 全部 and no search text (category, unit and date filters are left to the caller). */
  async clearFilters(): Promise<void> {
    await this.showState('全部');
    await this.search('');
  }

  async search(text: string): Promise<void> {
    await this.page
      .getByRole('searchbox', { name: '搜索议题' })
      .or(this.page.getByLabel('搜索议题'))
      .first()
      .fill(text);
  }

  /** 查看 the complainant data (with an optional reason); resolves once the clear values show. */
  async revealComplainant(reason?: string): Promise<void> {
    const card = this.page.locator('.jd-complainant-card');
    await card.getByRole('button', { name: /查\s?看/ }).click();
    const m = this.modal;
    if (reason) await m.getByLabel('查看事由（可不填）').fill(reason);
    await m.getByRole('button', { name: /查\s?看/ }).click();
    await expect(m).toBeHidden();
    await expect(card.locator('[data-revealed="true"]')).toBeVisible();
  }
}
