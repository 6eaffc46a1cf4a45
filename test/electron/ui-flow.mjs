// The UI steps of the Electron smoke test, kept apart from the launch code so they can be tried
// against the built renderer in a plain Chromium page too. Selectors are text/role based (zh-CN UI).

const DEMO_BUTTON = '载入演示数据';

async function firstVisible(locators, timeout = 1000) {
  for (const locator of locators) {
    const first = locator.first();
    if (await first.isVisible({ timeout }).catch(() => false)) return first;
  }
  return null;
}

/** If the app asks who is using it (first start with a fresh profile), register a user. */
export async function ensureProfile(page, log) {
  const demo = page.getByRole('button', { name: DEMO_BUTTON });
  const submit = page.getByRole('button', { name: /开始使用|创建|新建|确\s*定|保\s*存/ });
  // Whichever shows first: the demo button (profile exists) or the registration form.
  await Promise.race([
    demo.first().waitFor({ state: 'visible', timeout: 30_000 }),
    submit.first().waitFor({ state: 'visible', timeout: 30_000 }),
  ]).catch(() => undefined);
  if (
    await demo
      .first()
      .isVisible()
      .catch(() => false)
  )
    return;

  const existing = await firstVisible([page.getByRole('button', { name: /^(进入|选择|使用此档案|继续)/ })]);
  if (existing) {
    await existing.click();
    log('chose an existing profile');
    return;
  }
  const values = ['冒烟测试', '城关镇综合行政执法办公室'];
  const boxes = page.getByRole('textbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    if ((await box.isVisible()) && (await box.inputValue()) === '') await box.fill(values[i] ?? '冒烟测试');
  }
  const radios = page.getByRole('radio');
  if ((await radios.count()) > 0 && (await page.getByRole('radio', { checked: true }).count()) === 0) {
    await radios.first().check({ force: true });
  }
  const button = await firstVisible([submit]);
  if (!button) throw new Error('neither 载入演示数据 nor a profile form was found');
  await button.click();
  log('registered a user profile');
}

async function confirmIfAsked(page) {
  const ok = await firstVisible(
    [
      page
        .locator('.ant-modal-confirm, .ant-popconfirm, .ant-modal')
        .getByRole('button', { name: /确\s*定|确\s*认|载\s*入|继\s*续/ }),
    ],
    3000,
  );
  if (ok) await ok.click();
}

/** Clicks 载入演示数据 (confirming if asked) and waits for a success message or the button to go. */
export async function loadDemoData(page, log) {
  const demo = page.getByRole('button', { name: DEMO_BUTTON }).first();
  await demo.waitFor({ state: 'visible', timeout: 30_000 });
  await demo.click();
  await confirmIfAsked(page);
  await Promise.race([
    page.locator('.ant-message-success, .ant-notification-notice').first().waitFor({ timeout: 60_000 }),
    demo.waitFor({ state: 'hidden', timeout: 60_000 }),
  ]);
  log('loaded the demo data');
}

/**
 * A button that saves a document through the host: the first 导出 button on the current page or the
 * units page; failing that, 下载导入模板 on the units page (it saves an .xlsx through the same
 * `files.saveAs` bridge call). Null when the UI has neither yet.
 */
export async function findExportButton(page) {
  const exportButton = () => firstVisible([page.getByRole('button', { name: /导出/ })], 3000);
  const here = await exportButton();
  if (here) return { button: here, label: '导出' };
  const units = await firstVisible([
    page.getByRole('menuitem', { name: /成员单位|单位/ }),
    page.getByRole('link', { name: /成员单位|单位/ }),
  ]);
  if (!units) return null;
  await units.click();
  const there = await exportButton();
  if (there) return { button: there, label: '导出' };
  const template = await firstVisible([page.getByRole('button', { name: /下载导入模板/ })], 3000);
  return template ? { button: template, label: '下载导入模板' } : null;
}

export { confirmIfAsked };
