import { expect, type Locator, type Page } from '@playwright/test';

/** A string as a literal inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Open select dropdowns (antd keeps closed ones in the DOM, hidden). */
export function openDropdowns(page: Page): Locator {
  return page.locator('.ant-select-dropdown:visible');
}

function parts(scope: Locator, label: string) {
  const input = scope.getByLabel(label, { exact: true });
  const root = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  return { input, root };
}

function optionOf(page: Page, option: string, prefix: boolean): Locator {
  return openDropdowns(page)
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^${escapeRegExp(option)}${prefix ? '' : '$'}`) })
    .first();
}

/**
 * Picks `option` in the antd Select labelled `label` inside `scope`: opens it, narrows it by typing when
 * it has a search box, clicks the option (whose text is `option`, or starts with it when `prefix`), and
 * retries until the choice shows in the field — a click on a list still opening or being filtered can be
 * lost on a loaded machine. The one select helper of every page object.
 */
export async function chooseOption(
  page: Page,
  scope: Locator,
  label: string,
  option: string,
  { prefix = false }: { prefix?: boolean } = {},
): Promise<void> {
  const { input, root } = parts(scope, label);
  const item = optionOf(page, option, prefix);
  await expect(async () => {
    if (!(await item.isVisible())) {
      await input.click();
      if (await input.isEditable()) await input.fill(option);
    }
    await item.click({ timeout: 2_000 });
    // The chosen option's text (a typed search lives in the input's value, not in the text).
    await expect(root).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  // A single select closes on its own; a multiple one stays open for more and is closed here.
  if (((await root.getAttribute('class')) ?? '').includes('ant-select-multiple')) await closeDropdown(page, input);
  await expect(openDropdowns(page)).toHaveCount(0);
}

/** Escape closes the dropdown only (the modal stays); pressed only while a dropdown is open. */
async function closeDropdown(page: Page, input: Locator): Promise<void> {
  await expect(async () => {
    if ((await openDropdowns(page).count()) > 0) await input.press('Escape');
    await expect(openDropdowns(page)).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** Adds each of `options` to the multi-select labelled `label` (each retried until its tag shows), then closes it. */
export async function chooseOptions(
  page: Page,
  scope: Locator,
  label: string,
  options: readonly string[],
): Promise<void> {
  const { input, root } = parts(scope, label);
  for (const option of options) {
    const tag = root.locator('.ant-select-selection-item').filter({ hasText: new RegExp(`^${escapeRegExp(option)}$`) });
    const item = optionOf(page, option, false);
    await expect(async () => {
      if ((await tag.count()) > 0) return;
      if (!(await item.isVisible())) {
        await input.click();
        if (await input.isEditable()) await input.fill(option);
      }
      await item.click({ timeout: 2_000 });
      await expect(tag).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }
  await closeDropdown(page, input);
}
