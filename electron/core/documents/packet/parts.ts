// The nine parts of the move-in packet, each one A4 page of blocks (PRODUCT.md §4). Lists that come
// from the archive or from 设置 are capped and long texts shrink (fit.ts), so a part never runs onto
// a second sheet.
import type { DocumentTextsT } from '../../../../shared/contract/packet';
import { PACKET_PART_TITLES, type PacketPartT } from '../../../../shared/contract/documents';
import { CONTINUED, fitText } from '../fit';
import { contentMm } from '../html';
import type { Block, Letterhead } from '../model';
import { fillPlaceholders } from './texts';
import { chineseDay, cstDate } from '../../../../shared/domain/time';

export interface PacketPerson {
  role: string;
  name: string;
  gender: string;
  /** masked: 138****1111 */
  phone: string;
  idType: string;
  /** masked unless the user may see full ID numbers (mayRevealIds, docs/PRIVACY.md) */
  idNumber: string;
  /** idNumber is printed in full */
  idFull: boolean;
  workUnit: string;
  emergency: string;
}
export interface PacketHouse {
  id: number;
  estateId: number;
  estateName: string;
  /** 3栋2单元1502 */
  label: string;
  buildingName: string;
  unitName: string | null;
  roomNo: string;
  floor: number | null;
  buildingArea: number | null;
  innerArea: number | null;
  type: string;
  /** 业主 first, then 共有业主 */
  owners: PacketPerson[];
  family: PacketPerson[];
  vehicles: Array<{ plate: string; model: string; color: string; space: string }>;
  /** what the handover recorded (交付入住), printed on the keys and meters forms when reprinted after it */
  handover: {
    handedAt: string;
    keys: Array<{ name: string; qty: number }>;
    meters: { water: number | null; electricity: number | null; gas: number | null };
  } | null;
}
export interface PacketContext {
  texts: DocumentTextsT;
  letterhead: Letterhead;
  /** 2026年12月20日, or null: a blank to write in */
  date: string | null;
  place: string | null;
  /** the day printed, in China time */
  today: string;
}

const A4 = contentMm('A4');
const BLANK_DATE = '＿＿＿＿年＿＿月＿＿日';
const BLANK_PLACE = '＿＿＿＿＿＿＿＿＿＿';
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const area = (v: number | null) => (v === null ? '' : `${v} ㎡`);
const ownerNames = (h: PacketHouse) => h.owners.map((o) => o.name).join('、');
/** rows padded with blanks to `n` (a form's rows to fill in) */
const pad = (rows: string[][], n: number, width: number) => [
  ...rows,
  ...Array.from({ length: Math.max(0, n - rows.length) }, () => Array<string>(width).fill('')),
];

/** A long text as paragraphs (two-character indent), at the largest size that fits `heightMm`; beyond the smallest size it is cut with ……. */
function fittedParas(text: string, heightMm: number): Block[] {
  const paras = lines(text);
  // each paragraph's indent is two characters and its spacing 1.2 mm (html-render.ts)
  const fit = fitText(paras.map((p) => `　　${p}`).join('\n'), { widthMm: A4.w, heightMm: heightMm - paras.length * 1.2 }, [10.5, 10, 9.5, 9, 8.5, 8, 7.5]);
  const body = fit.truncated ? fit.text.slice(0, -CONTINUED.length) + '……' : fit.text;
  return [{ t: 'para', text: body.replace(/^　　/gm, ''), indent: true, sizePt: fit.sizePt }];
}

/** the letters the company issues (通知书, 须知, 手册): the full letterhead with the logo */
const formal = (part: PacketPartT, meta: string[]): Block[] => [
  { t: 'letterhead' },
  { t: 'title', text: PACKET_PART_TITLES[part] },
  { t: 'meta', items: meta },
];
/**
 * the forms filled in at the counter: the company's name above the title, no logo. A building's
 * batch prints thousands of pages, and every logo is a picture Chromium and Word handle again.
 */
const form = (part: PacketPartT, pc: PacketContext, meta: string[]): Block[] => [
  { t: 'para', text: pc.letterhead.org, align: 'center', sizePt: 10 },
  { t: 'title', text: PACKET_PART_TITLES[part] },
  { t: 'meta', items: meta },
];

function notice(h: PacketHouse, pc: PacketContext): Block[] {
  const phone = pc.letterhead.phone || '＿＿＿＿＿＿＿＿';
  const body = fillPlaceholders(pc.texts.noticeBody, {
    业主: ownerNames(h) || '业主',
    房号: `${h.estateName}${h.label}`,
    日期: pc.date ?? BLANK_DATE,
    地点: pc.place ?? BLANK_PLACE,
    服务电话: phone,
  });
  const [salutation, ...rest] = lines(body);
  const bring = lines(pc.texts.whatToBring).slice(0, 12);
  return [
    ...formal('notice', [`房号：${h.label}`, `业主：${ownerNames(h)}`]),
    { t: 'space', mm: 4 },
    { t: 'para', text: salutation ?? '', sizePt: 11 },
    ...fittedParas(rest.join('\n'), 95),
    { t: 'grid', rows: [{ cells: [['办理时间', pc.date ?? '']] }, { cells: [['办理地点', pc.place ?? '']] }, { cells: [['服务电话', pc.letterhead.phone]] }] },
    { t: 'heading', text: '请携带以下资料' },
    { t: 'checks', items: bring, columns: 2 },
    { t: 'seal', lines: [pc.letterhead.centre, pc.date ? pc.today : BLANK_DATE] },
    { t: 'note', text: '办理入住时请将本通知书交回服务中心。' },
  ];
}

function processSheet(h: PacketHouse, pc: PacketContext): Block[] {
  const steps = lines(pc.texts.processSteps)
    .slice(0, 14)
    .map((l) => {
      const [what, dept] = l.split(/[|｜]/);
      return [what.trim(), (dept ?? '').trim()];
    });
  const rowMm = steps.length <= 8 ? 16 : steps.length <= 11 ? 13 : 11;
  return [
    ...form('process', pc, [`房号：${h.label}`, `业主：${ownerNames(h)}`, `办理日期：${pc.date ?? BLANK_DATE}`]),
    {
      t: 'table',
      columns: [
        { label: '序号', width: 1, align: 'center' },
        { label: '办理事项', width: 7 },
        { label: '办理部门', width: 2.4, align: 'center' },
        { label: '经办人签章', width: 2.8 },
        { label: '办理时间', width: 2.4 },
      ],
      rows: steps.map(([what, dept], i) => [String(i + 1), what, dept, '', '']),
      minRowMm: rowMm,
    },
    { t: 'para', text: '以上手续全部办理完毕后，请将本流程单交回客服中心存档。', sizePt: 9.5 },
    { t: 'signs', labels: ['业主（或受托人）签字：', '客服中心审核：', '日期：'] },
  ];
}

/** the people the 业主登记表 prints: up to 4 owners and 6 family members */
const formPeople = (h: PacketHouse) => ({ owners: h.owners.slice(0, 4), family: h.family.slice(0, 6) });

/** the words on a page that carries full ID numbers (docs/PRIVACY.md) */
export const FULL_ID_NOTE = '本页含完整证件号码，请妥善保管。';

/** whether the house's 业主登记表 prints an ID number in full: its outputs are then audited (printFull) */
export function ownerFormHasFullIds(h: PacketHouse): boolean {
  const { owners, family } = formPeople(h);
  return [...owners, ...family].some((p) => p.idFull && p.idNumber);
}

function ownerForm(h: PacketHouse, pc: PacketContext): Block[] {
  const { owners, family } = formPeople(h);
  const emergency = h.owners.find((o) => o.emergency)?.emergency ?? '';
  return [
    ...form('ownerForm', pc, [`项目：${h.estateName}`, `房号：${h.label}`, '登记日期：＿＿＿＿年＿＿月＿＿日']),
    { t: 'heading', text: '一、房屋信息' },
    {
      t: 'grid',
      rows: [
        {
          cells: [
            ['房号', h.label],
            ['房屋类型', h.type],
          ],
        },
        {
          cells: [
            ['建筑面积', area(h.buildingArea)],
            ['套内面积', area(h.innerArea)],
          ],
        },
      ],
    },
    { t: 'heading', text: '二、业主信息' },
    {
      t: 'table',
      columns: [
        { label: '身份', width: 2, align: 'center' },
        { label: '姓名', width: 2.4 },
        { label: '性别', width: 1.2, align: 'center' },
        { label: '联系电话', width: 3 },
        { label: '证件号码', width: 4.6 },
        { label: '工作单位', width: 3.4 },
      ],
      rows: pad(
        owners.map((o) => [
          o.role === 'owner' ? '业主' : '共有业主',
          o.name,
          o.gender,
          o.phone,
          o.idNumber ? `${o.idType === '身份证' ? '' : `${o.idType} `}${o.idNumber}` : '',
          o.workUnit,
        ]),
        2,
        6,
      ),
      minRowMm: 8,
    },
    {
      t: 'grid',
      rows: [
        {
          cells: [
            ['紧急联系人', emergency],
            ['入住日期', ''],
          ],
        },
      ],
    },
    { t: 'heading', text: '三、家庭成员' },
    {
      t: 'table',
      columns: [
        { label: '姓名', width: 2.4 },
        { label: '与业主关系', width: 2.2 },
        { label: '性别', width: 1.2, align: 'center' },
        { label: '联系电话', width: 3 },
        { label: '证件号码', width: 4.6 },
        { label: '工作单位/学校', width: 3.4 },
      ],
      rows: pad(
        family.map((p) => [p.name, '', p.gender, p.phone, p.idNumber, p.workUnit]),
        5,
        6,
      ),
      minRowMm: 8,
    },
    { t: 'heading', text: '四、车辆信息' },
    {
      t: 'table',
      columns: [
        { label: '车牌号', width: 3 },
        { label: '品牌型号', width: 4 },
        { label: '颜色', width: 2 },
        { label: '车位', width: 3 },
        { label: '备注', width: 4 },
      ],
      rows: pad(
        h.vehicles.slice(0, 4).map((v) => [v.plate, v.model, v.color, v.space, '']),
        3,
        5,
      ),
      minRowMm: 8,
    },
    { t: 'signs', labels: ['业主签字：', '登记人：', '日期：'] },
    {
      t: 'note',
      text: `${ownerFormHasFullIds(h) ? FULL_ID_NOTE : ''}以上信息仅用于物业服务与紧急联络，服务中心将妥善保管，不向第三方提供。信息变更请及时告知服务中心。`,
    },
  ];
}

/** rooms × items of the handover inspection */
const INSPECTION: Array<[room: string, items: string[]]> = [
  ['入户门', ['门体、门锁及猫眼', '可视对讲、门铃']],
  ['客厅、餐厅', ['墙面、顶棚', '地面', '门窗、玻璃', '开关、插座、灯具']],
  ['卧室', ['墙面、顶棚', '地面', '门窗、玻璃', '开关、插座']],
  ['厨房', ['墙面、地面', '给排水、燃气接口', '烟道']],
  ['卫生间', ['墙地面、防水', '给排水、地漏', '排气口']],
  ['阳台', ['地面、排水', '栏杆、晾衣设施']],
  ['其他', ['强弱电箱', '水、电、燃气表']],
];

function inspection(h: PacketHouse, pc: PacketContext): Block[] {
  const rows = INSPECTION.flatMap(([room, items]) => items.map((item, i) => [i === 0 ? room : '', item, '□', '□', '']));
  return [
    ...form('inspection', pc, [`房号：${h.label}`, `建筑面积：${area(h.buildingArea) || '＿＿＿＿'}`, '验收日期：＿＿＿＿年＿＿月＿＿日']),
    {
      t: 'table',
      columns: [
        { label: '房间', width: 2.4, align: 'center' },
        { label: '验收项目', width: 4.2 },
        { label: '合格', width: 1.2, align: 'center' },
        { label: '不合格', width: 1.4, align: 'center' },
        { label: '备注（问题描述）', width: 6.8 },
      ],
      rows,
      minRowMm: 7.5,
    },
    { t: 'grid', rows: [{ cells: [['其他问题', '']], minMm: 20 }] },
    { t: 'signs', labels: ['业主签字：', '工程验收人：', '日期：'] },
    { t: 'note', text: '验收发现的问题由服务中心登记为维修工单，按约定时间整改完毕后请业主复验。' },
  ];
}

function keys(h: PacketHouse, pc: PacketContext): Block[] {
  const list = lines(pc.texts.keysDefault)
    .slice(0, 12)
    .map((l) => {
      const m = /^(.*?)[\s×xX*]*(\d+)\s*(把|张|个|枚|套)?$/.exec(l);
      return m ? [m[1].trim(), `${m[2]}${m[3] ?? ''}`] : [l, ''];
    });
  return [
    ...form('keys', pc, [`房号：${h.label}`, `业主：${ownerNames(h)}`]),
    {
      t: 'table',
      columns: [
        { label: '序号', width: 1, align: 'center' },
        { label: '钥匙（门卡）名称', width: 5 },
        { label: '应发数量', width: 2, align: 'center' },
        { label: '实领数量', width: 2, align: 'center' },
        { label: '备注', width: 4 },
      ],
      rows: pad(
        h.handover
          ? h.handover.keys.slice(0, 12).map((k, i) => [String(i + 1), k.name, String(k.qty), String(k.qty), ''])
          : list.map(([name, qty], i) => [String(i + 1), name, qty, '', '']),
        Math.min(12, (h.handover ? Math.min(12, h.handover.keys.length) : list.length) + 2),
        5,
      ),
      minRowMm: 10,
    },
    {
      t: 'para',
      text: '以上钥匙（门卡）经本人当面清点，数量无误，已全部领取。领取后请妥善保管，遗失或需加配由业主自行负责；如需更换门锁，请告知服务中心。',
      indent: true,
    },
    { t: 'space', mm: 4 },
    { t: 'signs', labels: ['业主（领取人）签字：', '发放人：', '日期：'] },
    { t: 'seal', lines: [pc.letterhead.centre, BLANK_DATE] },
  ];
}

function meters(h: PacketHouse, pc: PacketContext): Block[] {
  const m = h.handover?.meters;
  const reading = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const day = h.handover ? `抄表日期：${chineseDay(cstDate(h.handover.handedAt))}` : '抄表日期：＿＿＿＿年＿＿月＿＿日';
  return [
    ...form('meters', pc, [`房号：${h.label}`, `业主：${ownerNames(h)}`, day]),
    {
      t: 'table',
      columns: [
        { label: '表计', width: 2, align: 'center' },
        { label: '表号', width: 4 },
        { label: '底数', width: 3 },
        { label: '单位', width: 1.6, align: 'center' },
        { label: '备注', width: 4 },
      ],
      rows: [
        ['水表', '', reading(m?.water), '吨', ''],
        ['电表', '', reading(m?.electricity), '度', ''],
        ['燃气表', '', reading(m?.gas), '立方米', ''],
        ['', '', '', '', ''],
      ],
      minRowMm: 16,
    },
    {
      t: 'para',
      text: '以上表底数由业主与物业工作人员在现场共同抄录确认。确认之日前的用量与费用由开发建设单位承担，确认之日起由业主承担。',
      indent: true,
    },
    { t: 'space', mm: 6 },
    { t: 'signs', labels: ['业主签字：', '抄表人：', '日期：'] },
    { t: 'seal', lines: [pc.letterhead.centre, BLANK_DATE] },
  ];
}

function card(h: PacketHouse, pc: PacketContext): Block[] {
  const greeting = fillPlaceholders(pc.texts.cardGreeting, { 业主: ownerNames(h) || '业主', 房号: `${h.estateName}${h.label}` });
  const fit = fitText(lines(greeting).join('\n'), { widthMm: A4.w - 16, heightMm: 110 }, [16, 15, 14, 13, 12, 11, 10.5, 10], 1.8);
  return [
    { t: 'space', mm: 30 },
    { t: 'para', text: '恭 贺 乔 迁 之 喜', align: 'center', sizePt: 26, bold: true },
    { t: 'space', mm: 10 },
    { t: 'box', text: fit.truncated ? fit.text.slice(0, -CONTINUED.length) + '……' : fit.text, minMm: 130, sizePt: fit.sizePt },
    { t: 'space', mm: 8 },
    { t: 'para', text: `${pc.letterhead.org}\n${pc.today}`, align: 'right', sizePt: 12 },
  ];
}

export function buildPart(part: PacketPartT, h: PacketHouse, pc: PacketContext): Block[] {
  switch (part) {
    case 'notice':
      return notice(h, pc);
    case 'process':
      return processSheet(h, pc);
    case 'ownerForm':
      return ownerForm(h, pc);
    case 'inspection':
      return inspection(h, pc);
    case 'keys':
      return keys(h, pc);
    case 'meters':
      return meters(h, pc);
    case 'renovationRules':
      return [
        ...formal('renovationRules', [`房号：${h.label}`, `业主：${ownerNames(h)}`]),
        { t: 'space', mm: 2 },
        ...fittedParas(pc.texts.renovationRules, 200),
        { t: 'para', text: '本人已阅读并知悉以上装修管理须知，装修期间将遵照执行。', bold: true },
        { t: 'signs', labels: ['业主签字：', '日期：'] },
      ];
    case 'handbook':
      return [
        ...formal('handbook', [pc.letterhead.centre, `服务电话：${pc.letterhead.phone}`]),
        { t: 'space', mm: 2 },
        ...fittedParas(pc.texts.handbook, 215),
        { t: 'note', text: '完整的业户手册请向服务中心索取。' },
      ];
    case 'card':
      return card(h, pc);
  }
}
