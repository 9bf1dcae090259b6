// 装修许可证, 动火作业许可证 and 搬迁放行条 (PRODUCT.md §5–§6) as blocks (documents/model.ts): the
// registry renders them to the preview, the printer and Word. The permit is posted on the door, so the
// applicant's phone and the workers' ID numbers and phones are masked; the contractor's phone is a
// business number neighbours must be able to call, and stays whole. The pass goes through the gate:
// the resident's phone is masked (docs/PRIVACY.md). Long worker or item lists go to an annex page.
import type { CoreContext } from '../context';
import type { DocumentRequestT } from '../../../shared/contract/documents';
import type { MoveOutPassT, RenovationT } from '../../../shared/contract/renovation';
import { UserError } from '../errors';
import type { Block, DocPage, DocumentSource } from '../documents/model';
import { letterheadFor } from '../documents/letterhead';
import { maskIdNumber, maskPhone } from '../../../shared/domain/mask';
import { chineseDay, cstDate } from '../../../shared/domain/time';
import { getRenovation } from './renovations';
import { getPass } from './moveout';
import { houseFacts } from './common';

type Req<K extends DocumentRequestT['document']> = Extract<DocumentRequestT, { document: K }>;

/** the China day of an instant, 2026年12月5日 */
const cnDay = (at: Date | string) => chineseDay(cstDate(at));
const period = (from: string, to: string) => `${chineseDay(from)} 至 ${chineseDay(to)}`;
const withPhone = (name: string | null, phone: string | null) => [name, phone].filter(Boolean).join('  ') || '—';

/** workers shown on the permit itself (the page stays one sheet in Word too); more go to the annex page */
export const PERMIT_WORKER_ROWS = 6;
const ANNEX_ROWS_WITH_SEAL = 26;
export const RENOVATION_RULES = [
  '施工时间：周一至周五 8:00—12:00、14:00—18:00；周六、周日及法定节假日不得进行电钻、切割、敲打等产生噪音的施工。',
  '严禁拆改承重墙、梁、柱及剪力墙，不得破坏外立面、防水层和公共管道；卫生间、厨房改动须重做闭水试验。',
  '需电焊、切割等动火作业的，须另办《动火作业许可证》，未办证不得动火。',
  '装修垃圾袋装，按指定时间运至指定地点，不得堆放在公共区域；施工人员凭本证出入，服从物业巡查。本证张贴于户门显眼处，验收后交回。',
];
const HOT_WORK_RULES = [
  '动火前清除周围可燃物，配备灭火器不少于 2 具，并设专人监护。',
  '动火人须持有效特种作业操作证，按本证核定的地点和时间动火，不得超范围作业。',
  '监护人动火期间不得离开现场；遇大风或异常情况立即停止动火。',
  '动火结束后检查现场，确认无火种、余热，留守观察不少于 30 分钟方可离开。',
  '本证仅限所列地点和期限使用，过期作废；施工现场须随身携带备查。',
];

function workersTable(workers: RenovationT['workers'], from = 0): Block {
  return {
    t: 'table',
    columns: [
      { label: '序号', width: 1, align: 'center' },
      { label: '姓名', width: 2, align: 'center' },
      { label: '身份证号', width: 4, align: 'center' },
      { label: '联系电话', width: 3, align: 'center' },
    ],
    rows: workers.map((w, i) => [String(from + i + 1), w.name, w.idNo ? maskIdNumber(w.idNo) : '', maskPhone(w.phone)]),
  };
}

function permitPages(r: RenovationT, centre: string, issued: string): DocPage[] {
  const shown = r.workers.slice(0, PERMIT_WORKER_ROWS);
  const more = r.workers.length - shown.length;
  const blocks: Block[] = [
    { t: 'letterhead' },
    { t: 'title', text: '装修许可证' },
    { t: 'meta', items: [`编号：${r.permitNo}`, `房号：${r.houseLabel}`] },
    { t: 'box', text: `${r.houseLabel}\n施工期限：${period(r.startDate, r.endDate)}`, sizePt: 15, align: 'center' },
    {
      t: 'grid',
      rows: [
        // the house and the period stand large in the box above
        {
          cells: [
            ['申请人', withPhone(r.applicant, maskPhone(r.applicantPhone))],
            ['施工单位', r.contractor],
          ],
        },
        {
          cells: [
            ['负责人', withPhone(r.contractorContact, r.contractorPhone)],
            ['施工人数', `${r.workers.length} 人`],
          ],
        },
        { cells: [['装修项目', r.items.join('、') || '—']] },
        { cells: [['装修范围', r.scope]] },
        ...(r.hotWork
          ? [{ cells: [['动火作业', `已办理动火作业许可证（${r.hotWork.location}，${period(r.hotWork.from, r.hotWork.to)}）`]] as [[string, string]] }]
          : []),
      ],
    },
    { t: 'heading', text: '施工人员' },
    r.workers.length ? workersTable(shown) : { t: 'para', text: '（未登记施工人员，施工前须到服务中心补登记）' },
    ...(more > 0 ? [{ t: 'note', text: `另有 ${more} 人，见附页《施工人员名单》。` } as Block] : []),
    { t: 'heading', text: '施工须知' },
    { t: 'list', items: RENOVATION_RULES, numbered: true },
    { t: 'seal', lines: [centre, issued] },
  ];
  const pages: DocPage[] = [{ blocks }];
  if (more > 0)
    pages.push({
      blocks: [
        { t: 'title', text: '施工人员名单' },
        { t: 'meta', items: [`装修许可证附页`, `编号：${r.permitNo}`, `房号：${r.houseLabel}`] },
        // the first rows are on the permit itself; numbering carries on
        workersTable(r.workers.slice(PERMIT_WORKER_ROWS), PERMIT_WORKER_ROWS),
        // a full annex (50 workers) flows onto a second sheet: no seal left alone on it
        ...(more <= ANNEX_ROWS_WITH_SEAL
          ? [{ t: 'seal', lines: [centre, issued] } as Block]
          : [{ t: 'note', text: `本附页与装修许可证 ${r.permitNo} 同时使用。` } as Block]),
      ],
    });
  return pages;
}

function hotWorkPages(r: RenovationT, centre: string, issued: string): DocPage[] {
  const h = r.hotWork;
  if (!h) throw new UserError('VALIDATION', '该装修登记没有动火作业');
  return [
    {
      blocks: [
        { t: 'letterhead' },
        { t: 'title', text: '动火作业许可证' },
        { t: 'meta', items: [`编号：${r.permitNo}-DH`, `装修许可证：${r.permitNo}`, `房号：${r.houseLabel}`] },
        { t: 'box', text: `动火期限：${period(h.from, h.to)}`, sizePt: 15, align: 'center' },
        {
          t: 'grid',
          rows: [
            {
              cells: [
                ['房号', r.houseLabel],
                ['施工单位', r.contractor],
              ],
            },
            { cells: [['动火地点', h.location]] },
            { cells: [['动火期限', period(h.from, h.to)]] },
            {
              cells: [
                ['动火人', h.operator],
                ['操作证号', h.certificateNo],
              ],
            },
            {
              cells: [
                ['监护人', h.guardian],
                ['申请人', withPhone(r.applicant, maskPhone(r.applicantPhone))],
              ],
            },
            { cells: [['防火措施', h.measures]], minMm: 18 },
          ],
        },
        { t: 'heading', text: '动火安全要求' },
        { t: 'list', items: HOT_WORK_RULES, numbered: true },
        { t: 'space', mm: 4 },
        { t: 'signs', labels: ['动火人签字：', '监护人签字：', '物业审批：'] },
        { t: 'seal', lines: [centre, issued] },
      ],
    },
  ];
}

export async function renovationPermitSource(ctx: CoreContext, req: Req<'renovationPermit'> | Req<'hotWorkPermit'>): Promise<DocumentSource> {
  const r = await getRenovation(ctx, req.renovationId);
  if (r.status === '已作废') throw new UserError('CONFLICT', '该装修登记已作废，不能打印许可证');
  if (req.document === 'hotWorkPermit' && !r.hotWork) throw new UserError('VALIDATION', '该装修登记没有动火作业');
  const house = await houseFacts(ctx.db, r.houseId, true);
  const letterhead = await letterheadFor(ctx, house.estateId);
  const title = req.document === 'hotWorkPermit' ? '动火作业许可证' : '装修许可证';
  const issued = cnDay(r.createdAt);
  const pages = req.document === 'hotWorkPermit' ? hotWorkPages(r, letterhead.centre, issued) : permitPages(r, letterhead.centre, issued);
  return {
    kind: req.document,
    title,
    fileBase: `${title}-${r.permitNo}-${r.houseLabel}`,
    pageSize: 'A4',
    letterhead,
    audience: r.houseLabel,
    houseId: r.houseId,
    refId: r.id,
    count: 1,
    unit: async () => pages,
  };
}

/** pass items shown in the pass's own table (two per row); more go to the annex page */
export const PASS_ITEM_ROWS = 5;

function itemsTable(items: MoveOutPassT['items'], limit: number): Block {
  const shown = items.slice(0, limit * 2);
  const rows: string[][] = [];
  for (let i = 0; i < Math.max(shown.length, 2); i += 2) {
    const cell = (k: number) => (shown[k] ? [String(k + 1), shown[k].name, String(shown[k].qty)] : ['', '', '']);
    rows.push([...cell(i), ...cell(i + 1)]);
  }
  const col = [
    { label: '序号', width: 1, align: 'center' as const },
    { label: '物品名称', width: 4 },
    { label: '数量', width: 1.2, align: 'center' as const },
  ];
  return { t: 'table', columns: [...col, ...col], rows };
}

function passPages(p: MoveOutPassT, centre: string): DocPage[] {
  const total = p.items.reduce((n, i) => n + i.qty, 0);
  const more = p.items.length > PASS_ITEM_ROWS * 2;
  const issued = cnDay(p.approvedAt);
  const facts = (): Block => ({
    t: 'grid',
    rows: [
      {
        cells: [
          ['房号', p.houseLabel],
          ['申请人', `${p.applicant}（${p.relation}）`],
        ],
      },
      {
        cells: [
          ['联系电话', maskPhone(p.phone) || '—'],
          ['车牌号', p.plate ?? '—'],
        ],
      },
      {
        cells: [
          ['有效期', period(p.validFrom, p.validTo)],
          ['批准人', p.approver],
        ],
      },
    ],
  });
  const summary = `共 ${p.items.length} 项 ${total} 件`;
  const blocks: Block[] = [
    { t: 'letterhead' },
    { t: 'title', text: '搬迁放行条（存根）' },
    { t: 'meta', items: [`编号：${p.passNo}`, `开具日期：${issued}`] },
    facts(),
    { t: 'grid', rows: [{ cells: [['搬出物品', `${summary}：${p.items.map((i) => `${i.name}×${i.qty}`).join('、')}`]] }] },
    { t: 'signs', labels: ['申请人签字：', '经办人：'] },
    { t: 'space', mm: 2 },
    { t: 'cut', label: '沿虚线剪开，下联交申请人出门时交门岗' },
    { t: 'title', text: '搬迁放行条' },
    { t: 'meta', items: [`编号：${p.passNo}`, centre] },
    facts(),
    itemsTable(p.items, PASS_ITEM_ROWS),
    {
      t: 'note',
      text: more
        ? `${summary}，另 ${p.items.length - PASS_ITEM_ROWS * 2} 项见附页《搬出物品清单》。`
        : `${summary}。物品与清单不符、超过有效期或无批准章的，门岗不予放行。`,
    },
    { t: 'signs', labels: ['批准人（盖章）：', '门岗查验：', '查验时间：'] },
  ];
  const pages: DocPage[] = [{ blocks }];
  if (more)
    pages.push({
      blocks: [
        { t: 'title', text: '搬出物品清单' },
        { t: 'meta', items: ['搬迁放行条附页', `编号：${p.passNo}`, `房号：${p.houseLabel}`] },
        itemsTable(p.items, Math.ceil(p.items.length / 2)),
        { t: 'note', text: summary },
        { t: 'seal', lines: [centre, issued] },
      ],
    });
  return pages;
}

export async function moveOutPassSource(ctx: CoreContext, req: Req<'moveOutPass'>): Promise<DocumentSource> {
  const p = await getPass(ctx, req.passId);
  if (p.state === '已作废') throw new UserError('CONFLICT', '该放行条已作废，不能打印');
  const house = await houseFacts(ctx.db, p.houseId, true);
  const letterhead = await letterheadFor(ctx, house.estateId);
  const pages = passPages(p, letterhead.centre);
  return {
    kind: 'moveOutPass',
    title: '搬迁放行条',
    fileBase: `搬迁放行条-${p.passNo}-${p.houseLabel}`,
    pageSize: 'A4',
    letterhead,
    audience: p.houseLabel,
    houseId: p.houseId,
    refId: p.id,
    count: 1,
    unit: async () => pages,
  };
}
