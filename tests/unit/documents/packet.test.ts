import { afterEach, describe, expect, it } from 'vitest';
import { docCore, type DocCore } from './fixtures';
import { signInAs } from '../helpers/temp-core';
import { allPages, renderHtml, renderWord, sourceFor } from '../../../electron/core/documents/registry';
import { DEFAULT_TEXTS } from '../../../electron/core/documents/packet/texts';
import { PACKET_PARTS, PACKET_PART_TITLES, type DocumentRequestT } from '../../../shared/contract/documents';
import type { DocumentTextsViewT } from '../../../shared/contract/packet';
import { htmlText, wordText } from './doc-text';

// 入住资料包 (PRODUCT.md §4): every part prefilled from the archive, one A4 sheet a part, the texts
// of 设置 → 单据文字 printed as edited, in the preview HTML and the Word file alike.

let core: DocCore | undefined;
afterEach(async () => {
  await core?.cleanup();
  core = undefined;
});

type Req = Extract<DocumentRequestT, { document: 'moveInPacket' }>;
const packet = (houseIds: number[], extra: Partial<Req> = {}): Req => ({ document: 'moveInPacket', houseIds, ...extra });

/** the fixture's house (3栋2单元1502, 翠湖花园) with an owner, a co-owner, a family member and a car */
async function withOwner(c: DocCore) {
  await c.call('archives.houses.update', { id: c.houseId, buildingArea: 98.5, type: '住宅', status: '已售未交付' });
  await c.call('archives.people.attach', {
    houseId: c.houseId,
    role: 'owner',
    person: { name: '李建国', gender: '男', phone: '13800001111', idType: '身份证', idNumber: '11010519491231002X', emergencyContact: '李小红' },
  });
  await c.call('archives.people.attach', { houseId: c.houseId, role: 'co_owner', person: { name: '王秀英', phone: '13900002222' } });
  await c.call('archives.people.attach', { houseId: c.houseId, role: 'family', person: { name: '李明', phone: '13700003333' } });
  await c.call('archives.vehicles.add', { houseId: c.houseId, plate: '粤B12345', model: '比亚迪', color: '白色' });
}

describe('入住资料包', () => {
  it('prefills every part from the archive, one A4 sheet a part, the same words in the Word file', async () => {
    core = await docCore();
    await withOwner(core);
    // a 前台客服 prints it: ID numbers masked (docs/PRIVACY.md)
    await signInAs(core.dispatch, 'clerk');
    const src = await sourceFor(core.ctx, packet([core.houseId], { date: '2026-12-20', place: '3栋一楼大堂' }));
    expect(src.fileBase).toBe('入住资料包-3栋2单元1502');
    expect(src.houseId).toBe(core.houseId);
    const pages = await allPages(src);
    expect(pages).toHaveLength(PACKET_PARTS.length);
    const html = await renderHtml(src, pages);
    expect(html.match(/<div class="doc">/g)).toHaveLength(PACKET_PARTS.length);
    const text = htmlText(html);
    const word = wordText(await renderWord(src, pages));
    for (const t of [text, word]) {
      for (const part of PACKET_PARTS.filter((p) => p !== 'card')) expect(t).toContain(PACKET_PART_TITLES[part]);
      for (const w of [
        '3栋2单元1502',
        '翠湖花园',
        '李建国',
        '王秀英',
        '李明',
        '粤B12345',
        '2026年12月20日',
        '3栋一楼大堂',
        '0755-88886666',
        '入户门钥匙',
        '恭 贺 乔 迁 之 喜',
      ])
        expect(t).toContain(w);
      // phones and ID numbers masked (a 前台客服 has no ids.full)
      expect(t).toContain('138****1111');
      expect(t).toContain('110***********002X');
      expect(t).not.toContain('13800001111');
      expect(t).not.toContain('11010519491231002X');
    }
    // the notice's placeholders are filled in
    expect(text).not.toContain('{{');
    expect(text).toContain('尊敬的李建国、王秀英：');
  });

  it('shows the full ID number to a role with ids.full (the administrator); blank lines for the day and place when not given', async () => {
    core = await docCore();
    await withOwner(core);
    const text = htmlText(await renderHtml(await sourceFor(core.ctx, packet([core.houseId], { parts: ['ownerForm', 'notice'] }))));
    expect(text).toContain('11010519491231002X');
    expect(text).toContain('＿＿＿＿年＿＿月＿＿日');
  });

  it('a building: houses in the order asked, houses × parts sheets, only the parts chosen', async () => {
    core = await docCore();
    const b = (await core.call('archives.buildings.list', { estateId: 1 })) as Array<{ id: number }>;
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const h = (await core.call('archives.houses.create', { buildingId: b[0].id, unitName: '1', roomNo: `${i}01`, type: '住宅', status: '已售未交付' })) as {
        id: number;
      };
      await core.call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: `业主${i}号`, phone: `1380000000${i}` } });
      ids.push(h.id);
    }
    const order = [...ids].reverse();
    const src = await sourceFor(core.ctx, packet(order));
    expect(src.count).toBe(5);
    expect(src.audience).toBe('3栋 共 5 户');
    const html = await renderHtml(src);
    expect(html.match(/<div class="doc">/g)).toHaveLength(5 * PACKET_PARTS.length);
    const text = htmlText(html);
    const at = (n: number) => text.indexOf(`业主${n}号`);
    expect(at(5)).toBeGreaterThan(-1);
    expect(at(5)).toBeLessThan(at(4));
    expect(at(2)).toBeLessThan(at(1));

    const some = await sourceFor(core.ctx, packet(ids.slice(0, 3), { parts: ['keys', 'notice'] }));
    const someHtml = await renderHtml(some);
    expect(someHtml.match(/<div class="doc">/g)).toHaveLength(6);
    // printed in the packet's order, whatever order they were asked in
    const someText = htmlText(someHtml);
    expect(someText.indexOf('入住通知书')).toBeLessThan(someText.indexOf('钥匙领取签收单'));
    expect(someText).not.toContain('房屋验收表');
  });

  it('refuses unknown and voided houses, saying how many', async () => {
    core = await docCore();
    await expect(sourceFor(core.ctx, packet([9999]))).rejects.toThrow('该房屋不存在或已作废');
    const b = (await core.call('archives.buildings.list', { estateId: 1 })) as Array<{ id: number }>;
    const h = (await core.call('archives.houses.create', { buildingId: b[0].id, unitName: '1', roomNo: '101', type: '住宅', status: '未售' })) as {
      id: number;
    };
    await core.call('archives.houses.void', { id: h.id, reason: '录入错误' });
    await expect(sourceFor(core.ctx, packet([core.houseId, h.id, 9999]))).rejects.toThrow('有 2 户房屋不存在或已作废');
    const r = await core.dispatch('documents.print.preview', { document: 'moveInPacket', houseIds: [] });
    expect(r.ok).toBe(false);
  });

  it('texts: defaults, edits printed in the packet, validation in Chinese, 恢复默认 with null', async () => {
    core = await docCore();
    await withOwner(core);
    const first = (await core.call('documents.texts.get', {})) as DocumentTextsViewT;
    expect(first.texts).toEqual(DEFAULT_TEXTS);
    expect(first.customised).toEqual([]);

    const edited = (await core.call('documents.texts.update', {
      noticeBody: '{{业主}}先生/女士：\n请于{{日期}}到{{地点}}办理{{房号}}的交付手续，电话{{服务电话}}。',
      keysDefault: '防盗门钥匙 4\n车库遥控器 1',
      cardGreeting: '{{业主}}，翡翠般的新家欢迎您！',
    })) as DocumentTextsViewT;
    expect(edited.customised.sort()).toEqual(['cardGreeting', 'keysDefault', 'noticeBody']);
    expect(edited.texts.handbook).toBe(DEFAULT_TEXTS.handbook);

    const src = await sourceFor(core.ctx, packet([core.houseId], { date: '2026-12-20', place: '会所' }));
    const text = htmlText(await renderHtml(src));
    expect(text).toContain('李建国、王秀英先生/女士：');
    expect(text).toContain('请于2026年12月20日到会所办理翠湖花园3栋2单元1502的交付手续，电话0755-88886666。');
    expect(text).toContain('防盗门钥匙');
    expect(text).toContain('车库遥控器');
    expect(text).not.toContain('入户门钥匙');
    expect(text).toContain('翡翠般的新家欢迎您');
    expect(wordText(await renderWord(src))).toContain('防盗门钥匙');

    const tooLong = await core.dispatch('documents.texts.update', { handbook: '字'.repeat(5001) });
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(JSON.stringify(tooLong.error)).toContain('业户手册（摘录）不超过5000字');
    const empty = await core.dispatch('documents.texts.update', { handbook: '   ' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(JSON.stringify(empty.error)).toContain('不能为空');
    const unknown = await core.dispatch('documents.texts.update', { footer: 'x' });
    expect(unknown.ok).toBe(false);

    const reset = (await core.call('documents.texts.update', { keysDefault: null })) as DocumentTextsViewT;
    expect(reset.texts.keysDefault).toBe(DEFAULT_TEXTS.keysDefault);
    expect(reset.customised.sort()).toEqual(['cardGreeting', 'noticeBody']);
    const again = (await core.call('documents.texts.get', {})) as DocumentTextsViewT;
    expect(again.texts.noticeBody).toContain('先生/女士');
    const audits = core.ctx.sqlite.prepare("select count(*) n from audit_log where action = 'documentTexts.update'").get() as { n: number };
    expect(audits.n).toBe(2);
  });

  it('long texts shrink to stay on their one sheet', async () => {
    core = await docCore();
    await core.call('documents.texts.update', {
      handbook: Array.from({ length: 40 }, (_, i) => `第${i + 1}条 ${'请遵守小区管理规约，爱护公共设施。'.repeat(3)}`).join('\n'),
    });
    const pages = await allPages(await sourceFor(core.ctx, packet([core.houseId], { parts: ['handbook'] })));
    expect(pages).toHaveLength(1);
    const para = pages[0].blocks.find((b) => b.t === 'para');
    expect(para && para.t === 'para' && para.sizePt).toBeLessThan(10.5);
  });

  it('reprinted after the handover, the keys and meters forms carry what was handed over and read', async () => {
    core = await docCore();
    await withOwner(core);
    const keysAndMeters = async () => {
      const src = await sourceFor(core!.ctx, packet([core!.houseId], { parts: ['keys', 'meters'] }));
      return htmlText(await renderHtml(src, await allPages(src)));
    };
    let text = await keysAndMeters();
    expect(text).not.toContain('1234.5');
    await core.call('movein.handover.save', {
      houseId: core.houseId,
      checklist: ['idcard'],
      keys: [
        { name: '入户门钥匙', qty: 3 },
        { name: '车库遥控器', qty: 2 },
      ],
      meters: { water: 12.5, electricity: 1234.5, gas: null },
      defects: [],
      signatures: { owner: true, staff: true },
      receiverName: '李建国',
    });
    text = await keysAndMeters();
    expect(text).toContain('车库遥控器');
    expect(text).toContain('12.5');
    expect(text).toContain('1234.5');
    expect(text).not.toContain('抄表日期：＿＿＿＿年');
  });
});
