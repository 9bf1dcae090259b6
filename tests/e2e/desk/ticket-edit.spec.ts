import { test, expect, openApp } from '../support/harness';

// 修改 a ticket after intake (issue 7 item 7): the change shows on the timeline as before → after.
// Waits are sized for a loaded 2-core machine.
const SLOW = { timeout: 20_000 };
const SHOTS = process.env.FRONTDESK_SHOTS;
/** a 1×1 PNG */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082',
  'hex',
);

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
      await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: '王芳', phone: '13800001111' } });
      await call('system.settings.update', { staffName: '李静' });
      await call('desk.tickets.create', {
        type: '报修',
        channel: '电话',
        houseId: h.id,
        category: '工程维修',
        subcategory: '水电',
        urgency: '一般',
        reporter: '王芳',
        phone: '13800001111',
        description: '卫生间漏水',
      });
    },
  },
});

test('edit a ticket’s description and category: the timeline shows before → after', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const [ticket] = (await harness.call('desk.tickets.list', {})).rows;
  await openApp(page);
  await page.getByRole('navigation').getByText('工单列表', { exact: true }).click();
  await page.getByRole('table', { name: '工单列表' }).getByText(ticket.no).click();
  await expect(page.getByTestId('ticket-no')).toHaveText(ticket.no, SLOW);

  await page.getByTestId('ticket-edit-open').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('ticket-edit-description')).toHaveValue('卫生间漏水', SLOW);

  // an empty description is refused next to the field, nothing is sent
  await dialog.getByTestId('ticket-edit-description').fill('');
  await dialog.getByTestId('ticket-edit-save').click();
  await expect(dialog.getByText('请填写内容')).toBeVisible(SLOW);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/ticket-edit-error.png` });
  expect((await harness.call('desk.tickets.get', { id: ticket.id })).events.map((e) => e.action)).toEqual(['create']);

  await dialog.getByTestId('ticket-edit-description').fill('厨房水管接头漏水，楼下天花板有水渍');
  await dialog.getByTestId('ticket-edit-category').click();
  await page.getByRole('option', { name: '环境卫生' }).click();
  await dialog.getByTestId('ticket-edit-subcategory').click();
  await page.getByRole('option', { name: '保洁' }).click();
  await dialog.getByTestId('ticket-edit-note').fill('业主来电更正');
  await dialog.getByTestId('ticket-edit-save').click();
  await expect(dialog).toBeHidden(SLOW);

  // the facts and the timeline both show the correction
  await expect(page.getByTestId('ticket-description')).toHaveText('厨房水管接头漏水，楼下天花板有水渍', SLOW);
  const edit = page.getByTestId('timeline-event').filter({ hasText: '修改' });
  await expect(edit).toHaveCount(1, SLOW);
  const changes = edit.getByTestId('timeline-change');
  await expect(changes).toHaveCount(2);
  await expect(changes.filter({ hasText: '类别' }).getByTestId('timeline-change-from')).toHaveText('工程维修 / 水电');
  await expect(changes.filter({ hasText: '类别' }).getByTestId('timeline-change-to')).toHaveText('环境卫生 / 保洁');
  await expect(changes.filter({ hasText: '内容' }).getByTestId('timeline-change-from')).toHaveText('卫生间漏水');
  await expect(changes.filter({ hasText: '内容' }).getByTestId('timeline-change-to')).toHaveText('厨房水管接头漏水，楼下天花板有水渍');
  await expect(edit).toContainText('李静');
  await expect(edit).toContainText('说明：业主来电更正');

  // a note later, on the same timeline
  await page.getByTestId('ticket-note-open').click();
  await page.getByRole('dialog').getByTestId('ticket-note-text').fill('业主下午三点后在家');
  await page.getByRole('dialog').getByTestId('ticket-note-save').click();
  await expect(page.getByTestId('timeline-event').filter({ hasText: '备注' })).toContainText('业主下午三点后在家', SLOW);

  // and a photo later: shown with the ticket and as a step
  await page.getByTestId('ticket-photos-open').click();
  await page.getByRole('dialog').locator('input[type=file]').setInputFiles({ name: '修好后.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('dialog').getByTestId('ticket-photos-item')).toHaveCount(1, SLOW);
  await page.getByRole('dialog').getByTestId('ticket-photos-save').click();
  await expect(page.getByTestId('ticket-photo')).toHaveCount(1, SLOW);
  await expect(page.getByTestId('timeline-event').filter({ hasText: '添加照片' })).toContainText('修好后.png');

  const saved = await harness.call('desk.tickets.get', { id: ticket.id });
  expect([saved.ticket.category, saved.ticket.subcategory]).toEqual(['环境卫生', '保洁']);
  expect(saved.events.map((e) => e.action)).toEqual(['create', 'edit', 'note', 'photo']);
  expect(saved.attachments.map((a) => a.fileName)).toEqual(['修好后.png']);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/ticket-edited-timeline.png` });
});
