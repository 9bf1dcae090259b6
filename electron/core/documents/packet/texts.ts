// The move-in packet's fixed texts (设置 → 单据文字): shipped defaults, replaced by what the
// service centre stored under one settings key. Read once per packet, never per house.
import type { CoreContext } from '../../context';
import { audit } from '../../db/audit';
import { inTransaction } from '../../db/tx';
import {
  DOCUMENT_TEXT_KEYS,
  type DocumentTextKeyT,
  type DocumentTextsPatchT,
  type DocumentTextsT,
  type DocumentTextsViewT,
} from '../../../../shared/contract/packet';

const TEXTS_KEY = 'documents.texts';

export const DEFAULT_TEXTS: DocumentTextsT = {
  noticeBody: [
    '尊敬的{{业主}}：',
    '您好！您所购买的{{房号}}已具备交付条件，我们诚挚地邀请您于{{日期}}到{{地点}}办理入住手续。',
    '办理时请携带下列资料。如本人不能到场，可委托他人代办，受托人须携带业主签署的授权委托书及双方身份证件。',
    '如有疑问，请致电服务中心：{{服务电话}}。我们期待您的光临，祝您乔迁之喜！',
  ].join('\n'),
  whatToBring: [
    '本入住通知书',
    '业主身份证原件及复印件（共有人同时携带）',
    '购房合同原件及复印件',
    '购房发票或付款凭证复印件',
    '委托代办的，带授权委托书及受托人身份证',
    '业主一寸照片两张',
  ].join('\n'),
  processSteps: [
    '核验身份证件、入住通知书和购房合同|客服中心',
    '填写业主信息登记表，签署管理规约|客服中心',
    '缴纳物业服务费等相关费用|财务部',
    '会同工程人员验收房屋，填写房屋验收表|工程部',
    '抄录水、电、燃气表底数并签字确认|工程部',
    '领取钥匙，签署钥匙领取签收单|客服中心',
    '领取业户手册、装修管理须知等资料|客服中心',
  ].join('\n'),
  keysDefault: ['入户门钥匙 3', '单元门禁卡 2', '信报箱钥匙 2', '电表箱钥匙 1', '水表箱钥匙 1'].join('\n'),
  renovationRules: [
    '一、装修前，业主或装修单位须到物业服务中心办理装修申报手续，签订装修管理协议，领取装修许可证后方可施工。',
    '二、不得拆改房屋承重结构、剪力墙和外立面，不得擅自改动燃气、消防、防水等共用设施。',
    '三、施工时间：工作日8:00—12:00、14:00—18:00；周末及法定节假日不得进行产生噪声的施工。',
    '四、装修垃圾须袋装后运到指定地点，不得倒入下水管道或堆放在公共区域。',
    '五、动用明火（电焊、切割等）须另行办理动火作业许可证，并配备灭火器材。',
    '六、施工人员凭出入证进出小区，装修材料须经指定通道搬运，注意保护公共设施。',
    '七、装修完工后，业主应通知物业服务中心进行验收，验收合格后退还装修保证金。',
  ].join('\n'),
  handbook: [
    '一、服务中心工作时间：每日8:30—18:00，24小时值班电话见本页页眉。',
    '二、报修：户内维修可到前台或电话报修，工作人员将按约定时间上门；公共设施损坏请及时告知。',
    '三、安全：请随手关好单元门，不要让陌生人尾随进入；外出时关闭水、电、燃气阀门。',
    '四、车辆：车辆凭停车卡进出，请按车位停放，不得占用消防通道。',
    '五、宠物：携犬外出须牵绳，及时清理宠物粪便，不得在公共区域饲养家禽家畜。',
    '六、垃圾分类：请将生活垃圾分类投放到指定的垃圾桶内，大件垃圾请联系服务中心。',
    '七、邻里：请勿高空抛物，晚22:00后请控制音量，共同营造和谐的居住环境。',
  ].join('\n'),
  cardGreeting: '尊敬的{{业主}}：\n欢迎您入住{{房号}}！\n愿新居带给您和家人温馨、平安与幸福。\n我们将用心服务，陪伴您的每一天。',
};

type Stored = Partial<Record<DocumentTextKeyT, string>>;

async function readStored(ctx: Pick<CoreContext, 'db'>): Promise<Stored> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', TEXTS_KEY).executeTakeFirst();
  if (!row) return {};
  try {
    const parsed = JSON.parse(row.value) as Record<string, unknown>;
    const out: Stored = {};
    for (const k of DOCUMENT_TEXT_KEYS) if (typeof parsed[k] === 'string' && parsed[k]) out[k] = parsed[k];
    return out;
  } catch {
    return {};
  }
}

const viewOf = (stored: Stored): DocumentTextsViewT => ({
  texts: { ...DEFAULT_TEXTS, ...stored },
  defaults: { ...DEFAULT_TEXTS },
  customised: DOCUMENT_TEXT_KEYS.filter((k) => stored[k] !== undefined && stored[k] !== DEFAULT_TEXTS[k]),
});

/** the texts as printed (stored ones over the defaults) */
export async function readTexts(ctx: Pick<CoreContext, 'db'>): Promise<DocumentTextsT> {
  return { ...DEFAULT_TEXTS, ...(await readStored(ctx)) };
}

export async function getTexts(ctx: Pick<CoreContext, 'db'>): Promise<DocumentTextsViewT> {
  return viewOf(await readStored(ctx));
}

/** Stores the texts given; null (恢复默认) drops the stored one. One audit line with the keys changed. */
export async function updateTexts(ctx: CoreContext, patch: DocumentTextsPatchT): Promise<DocumentTextsViewT> {
  const actor = await ctx.actor();
  return inTransaction(ctx.db, async (trx) => {
    const stored = await readStored({ db: trx });
    const changed: string[] = [];
    for (const k of DOCUMENT_TEXT_KEYS) {
      const v = patch[k];
      if (v === undefined) continue;
      const before = stored[k];
      // a text equal to the default is kept as "not customised", so later default changes reach it
      if (v === null || v === DEFAULT_TEXTS[k]) delete stored[k];
      else stored[k] = v;
      if (before !== stored[k]) changed.push(k);
    }
    if (changed.length) {
      const value = JSON.stringify(stored);
      await trx
        .insertInto('settings')
        .values({ key: TEXTS_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      await audit(trx, actor, 'settings', null, 'documentTexts.update', {
        keys: changed,
        reset: changed.filter((k) => stored[k as DocumentTextKeyT] === undefined),
      });
    }
    return viewOf(stored);
  });
}

/** {{业主}} → value; unknown placeholders are left as typed */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (m, name: string) => (name in values ? values[name] : m));
}
