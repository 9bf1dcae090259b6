import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp } from '../support/harness';

// The archives forms on the shared FormModal (docs/ARCHITECTURE.md, "Forms and messages"): errors by
// their field only, gone once fixed; confirmations that replace each other and stay off buttons.

const SHOTS = process.env.FORMS_SHOTS_DIR;

// each test walks several dialogs; on a loaded 2-core machine that takes well over the default 30 s
test.describe.configure({ timeout: 150_000 });

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住', buildingArea: 98.6 });
      await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1501', type: '住宅', status: '空置' });
      await call('archives.people.attach', {
        houseId: h.id,
        role: 'owner',
        moveInDate: '2020-05-01',
        person: { name: '曾丽华', phone: '13912345678', idNumber: '11010519491231002X' },
      });
      await call('archives.vehicles.add', { houseId: h.id, plate: '粤B12345', color: '白' });
    },
  },
});

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** the message under one input: Mantine links it to the input through aria-describedby */
async function errorOf(input: Locator): Promise<string> {
  const id = (await input.getAttribute('aria-describedby'))?.split(' ').find((x) => x.endsWith('-error'));
  if (!id) return '';
  return (await input.page().locator(`[id="${id}"]`).textContent()) ?? '';
}

/** notifications on screen (Mantine renders each as role=alert inside its container) */
const toasts = (page: Page) => page.locator('.mantine-Notifications-root .mantine-Notification-root');

/** no visible button sits under a notification */
async function expectNoButtonCovered(page: Page) {
  const boxes = await toasts(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThan(0);
  const covered = await page.locator('button:visible, [role="button"]:visible, a:visible').evaluateAll(
    (els, toastBoxes) =>
      els
        .filter((el) => !el.closest('.mantine-Notifications-root'))
        .map((el) => ({ text: (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 20), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && toastBoxes.some((t) => r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top))
        .map(({ text }) => text),
    boxes,
  );
  expect(covered, '被通知遮住的按钮').toEqual([]);
}

async function openBuildings(page: Page) {
  await openApp(page);
  await page.getByTestId('nav-buildings').click();
  await expect(page.getByTestId('map-cell').first()).toBeVisible({ timeout: 20_000 });
}

test('the house form refuses floor −999 and area −5 next to the fields, drops each error once fixed, then saves', async ({ page, harness }) => {
  await openBuildings(page);
  await page.getByTestId('house-add').click();
  await page.getByTestId('house-room').fill('1601');
  const floor = page.getByTestId('house-floor');
  // the floor follows the room number until typed
  await expect(floor).toHaveValue('16');
  await floor.fill('-999');
  const area = page.getByTestId('house-buildingArea');
  await area.fill('-5');
  // leaving the box used to clamp −999 to −10 and −5 to 0: what was typed stays
  await page.getByTestId('house-notes').click();
  await expect(floor).toHaveValue('-999');
  await expect(area).toHaveValue('-5');
  await page.getByTestId('house-save').click();

  await expect.poll(() => errorOf(floor), { timeout: 20_000 }).toBe('楼层应在 -10 到 200 之间（地下层写负数）');
  expect(await errorOf(area)).toBe('建筑面积应大于 0 ㎡（不清楚可留空）');
  await expect(floor).toBeFocused();
  // by the fields only: no notification, no general refusal
  await expect(toasts(page)).toHaveCount(0);
  await expect(page.getByTestId('form-error')).toHaveCount(0);
  await shot(page, 'house-add-errors');

  await floor.fill('-2');
  await expect.poll(() => errorOf(floor)).toBe('');
  expect(await errorOf(area)).toBe('建筑面积应大于 0 ㎡（不清楚可留空）');
  await area.fill('');
  await expect.poll(() => errorOf(area)).toBe('');
  await page.getByTestId('house-save').click();
  await expect(page.getByTestId('house-save')).toHaveCount(0, { timeout: 20_000 });

  const b = (await harness.call('archives.buildings.list', { estateId: 1 }))[0];
  const map = await harness.call('archives.buildings.map', { buildingId: b.id });
  const saved = map.cells.find((c) => c.roomNo === '1601');
  expect(saved?.floor).toBe(-2);
});

test('a duplicate room is refused next to 房号, and the house edit keeps the address and refuses a floor out of range', async ({ page }) => {
  await openBuildings(page);
  await page.getByTestId('house-add').click();
  await page.getByTestId('house-unit').fill('2');
  await page.getByTestId('house-room').fill('1502');
  await page.getByTestId('house-save').click();
  const room = page.getByTestId('house-room');
  await expect.poll(() => errorOf(room), { timeout: 20_000 }).toMatch('已存在');
  await expect(toasts(page)).toHaveCount(0);
  await page.getByTestId('house-cancel').click();
  // typed changes: closing asks first
  await expect(page.getByTestId('form-discard-confirm')).toBeVisible();
  await page.getByTestId('form-discard').click();
  await expect(page.getByTestId('house-room')).toHaveCount(0);

  await page.getByTestId('map-cell').filter({ hasText: '1502' }).click();
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', { timeout: 20_000 });
  await page.getByTestId('house-edit').click();
  await expect(page.getByTestId('house-room')).toHaveCount(0);
  const floor = page.getByTestId('house-floor');
  await expect(floor).toHaveValue('15');
  await floor.fill('999');
  await page.getByTestId('house-save').click();
  await expect.poll(() => errorOf(floor), { timeout: 20_000 }).toMatch('-10 到 200');
  await shot(page, 'house-edit-errors');
  await floor.fill('16');
  await page.getByTestId('house-save').click();
  await expect(page.getByText('楼层 16', { exact: false })).toBeVisible({ timeout: 20_000 });
});

test('every household dialog shows its refusals by the field at 1366×768', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+K');
  await page.getByTestId('search-input').fill('3-2-1502');
  await expect(page.getByTestId('search-result').first()).toContainText('3栋2单元1502', { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', { timeout: 20_000 });
  await shot(page, 'household');

  // 添加车辆: a plate that is not one
  await page.getByTestId('vehicle-add').click();
  const plate = page.getByTestId('vehicle-plate');
  await plate.fill('12345');
  await page.getByTestId('vehicle-save').click();
  await expect.poll(() => errorOf(plate), { timeout: 20_000 }).toMatch('车牌号格式不正确');
  await shot(page, 'vehicle-errors');
  await plate.fill('粤B54321');
  await expect.poll(() => errorOf(plate)).toBe('');
  await page.getByTestId('vehicle-save').click();
  await expect(page.getByTestId('vehicle-row').filter({ hasText: '粤B54321' })).toBeVisible({ timeout: 20_000 });

  // 添加车位: no code, an end before the start, a day that does not exist
  await page.getByTestId('parking-add').click();
  await page.getByTestId('parking-start').fill('2026-03-10');
  await page.getByTestId('parking-end').fill('2026-02-30');
  // leaving the box settles the typed text (and would close a calendar opened by a click)
  await page.keyboard.press('Tab');
  await page.getByTestId('parking-save').click();
  await expect.poll(() => errorOf(page.getByTestId('parking-code')), { timeout: 20_000 }).toBe('请填写车位编号');
  // typed text that is no date stays in the box and is refused by it
  await expect(page.getByTestId('parking-end')).toHaveValue('2026-02-30');
  expect(await errorOf(page.getByTestId('parking-end'))).toBe('没有这一天，请核对日期');
  await shot(page, 'parking-errors');
  await page.getByTestId('parking-end').fill('2026/3/1');
  await page.keyboard.press('Tab');
  await expect.poll(() => errorOf(page.getByTestId('parking-end'))).toBe('');
  await expect(page.getByTestId('parking-end')).toHaveValue('2026-03-01');
  await page.getByTestId('parking-code').fill('B1-086');
  await page.getByTestId('parking-save').click();
  await expect.poll(() => errorOf(page.getByTestId('parking-end')), { timeout: 20_000 }).toBe('结束日期不能早于开始日期');
  await page.getByTestId('parking-end').fill('2027-03-09');
  await page.keyboard.press('Tab');
  await page.getByTestId('parking-save').click();
  await expect(page.getByTestId('parking-row').filter({ hasText: 'B1-086' })).toBeVisible({ timeout: 20_000 });

  // 记录沟通: empty content
  await page.getByTestId('communication-add').click();
  await page.getByTestId('communication-save').click();
  await expect.poll(() => errorOf(page.getByTestId('communication-summary')), { timeout: 20_000 }).toBe('请填写沟通内容');
  await shot(page, 'communication-errors');
  await page.getByTestId('communication-summary').fill('电话告知停水时间，业主表示知悉');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('communication-row')).toHaveCount(1, { timeout: 20_000 });

  // 迁出: a date before the move-in date
  await page.getByTestId('occupant-row').first().getByTestId('person-moveout').click();
  const date = page.getByTestId('moveout-date');
  await date.fill('2019-01-01');
  await page.getByTestId('moveout-note').click();
  await page.getByTestId('moveout-save').click();
  await expect.poll(() => errorOf(date), { timeout: 20_000 }).toBe('迁出日期不能早于入住日期 2020-05-01');
  await shot(page, 'moveout-errors');
  await page.getByTestId('moveout-cancel').click();
  await page.getByTestId('form-discard').click();

  // 作废车辆: no reason
  await page.getByTestId('vehicle-row').first().getByRole('button', { name: '作废' }).click();
  await page.getByTestId('void-save').click();
  await expect.poll(() => errorOf(page.getByTestId('void-reason')), { timeout: 20_000 }).toBe('请填写作废原因');
  await shot(page, 'void-errors');
  await page.getByTestId('void-cancel').click();

  // 新增楼栋 is on the buildings screen
  await page.getByTestId('nav-buildings').click();
  await page.getByTestId('building-add').click();
  await page.getByTestId('building-floors').fill('150');
  await page.getByTestId('building-save').click();
  await expect.poll(() => errorOf(page.getByTestId('building-name')), { timeout: 20_000 }).toBe('请填写楼栋名称');
  expect(await errorOf(page.getByTestId('building-floors'))).toBe('楼层数应在 1 到 120 之间');
  await shot(page, 'building-errors');
});

test('confirmations replace each other, never cover a button, and leave when a dialog opens', async ({ page }) => {
  await openBuildings(page);
  for (const room of ['1601', '1602', '1603']) {
    await page.getByTestId('house-add').click();
    await page.getByTestId('house-unit').fill('2');
    await page.getByTestId('house-room').fill(room);
    await page.getByTestId('house-save').click();
    await expect(toasts(page).filter({ hasText: `已新增房屋 3栋2单元${room}` })).toBeVisible({ timeout: 20_000 });
  }
  // one at a time: each replaced the last
  await expect(toasts(page)).toHaveCount(1);
  await expectNoButtonCovered(page);
  await shot(page, 'buildings-saved');

  await page.getByTestId('map-cell').filter({ hasText: '1502' }).click();
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', { timeout: 20_000 });
  await page.getByTestId('house-edit').click();
  await page.getByTestId('house-save').click();
  await expect(toasts(page).filter({ hasText: '已保存 3栋2单元1502' })).toBeVisible({ timeout: 20_000 });
  await expectNoButtonCovered(page);
  await shot(page, 'household-saved');
  // a dialog opening clears the confirmation that could sit over its buttons
  await page.getByTestId('occupant-row').first().getByTestId('person-edit').click();
  await expect(page.getByTestId('person-name')).toBeVisible();
  await expect(toasts(page)).toHaveCount(0);
});

test('leaving the screen with typed changes in a dialog asks first; 继续编辑 keeps them', async ({ page }) => {
  await openBuildings(page);
  await page.getByTestId('map-cell').filter({ hasText: '1502' }).click();
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', { timeout: 20_000 });
  await page.getByTestId('occupant-row').first().getByTestId('person-edit').click();
  await page.getByTestId('person-phone2').fill('0755-8888 6666');
  // F2 opens the intake from anywhere: not over typed changes without asking
  await page.keyboard.press('F2');
  await expect(page.getByTestId('form-discard-confirm')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: '继续编辑' }).click();
  await expect(page.getByTestId('household-title')).toBeVisible();
  await expect(page.getByTestId('person-phone2')).toHaveValue('0755-8888 6666');
  await page.keyboard.press('F2');
  await page.getByTestId('form-discard').click();
  await expect(page.getByTestId('household-title')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('person-phone2')).toHaveCount(0);
});
