import { test, expect, openApp } from '../support/harness';
import { messyLedgerBuffer, LEDGER_EXPECTED } from '../../fixtures/ledger/make-messy-ledger';

test.use({
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3' });
      await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
    },
  },
});

// waits sized for a loaded 2-core machine: the preview reaches the screen 1.5–5 s after upload there
const SLOW = { timeout: 20_000 };

test('a historic ledger imported through the UI lists rejected rows and becomes imported tickets', async ({ page, harness }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await page.getByRole('navigation').getByText('台账导入', { exact: true }).click();
  await page.getByTestId('ledger-file-input').setInputFiles({
    name: '投诉台账2025.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await messyLedgerBuffer(),
  });
  const rejected = page.getByTestId('ledger-rejected-row');
  await expect(rejected).toHaveCount(LEDGER_EXPECTED.rejected.length, SLOW);
  for (const r of LEDGER_EXPECTED.rejected) await expect(rejected.filter({ hasText: r.reason })).toContainText(`第 ${r.row} 行`);
  // rows without a type are refused until the desk says what they are; nothing is guessed
  await expect(page.getByTestId('ledger-default-type')).toHaveValue('不导入（列为拒绝）');
  await page.getByTestId('ledger-commit').click();
  await page.getByTestId('ledger-commit-confirm').click();
  await expect(page.getByTestId('ledger-summary')).toContainText(`新建工单 ${LEDGER_EXPECTED.tickets} 张`, SLOW);
  const list = await harness.call('desk.tickets.list', { limit: 50 });
  expect(list.total).toBe(LEDGER_EXPECTED.tickets);
  expect(list.rows.every((r) => r.imported)).toBe(true);
});
