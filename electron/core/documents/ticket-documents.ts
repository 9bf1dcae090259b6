import type { CoreContext } from '../context';
import type { TicketDetailT } from '../../../shared/contract/desk';
import { cstDateTime } from '../../../shared/domain/time';
import { getTicketDetail } from '../desk/ticket-read';
import { readDeskConfig } from '../desk/config';
import { readSettings } from '../system/settings';
import { h, page, type PageSize } from './html';

export type TicketDocument = 'acceptanceSlip' | 'workOrder';
export const DOCUMENT_TITLES: Record<TicketDocument, string> = { acceptanceSlip: '受理单', workOrder: '派工单' };

interface Letterhead {
  org: string;
  phone: string;
}

async function letterhead(ctx: CoreContext, estateId: number): Promise<Letterhead> {
  const estate = await ctx.db.selectFrom('estates').select(['name', 'phone']).where('id', '=', estateId).executeTakeFirst();
  const settings = await readSettings(ctx);
  const cfg = await readDeskConfig(ctx);
  const org = [settings.companyName, estate?.name ? `${estate.name}物业服务中心` : '物业服务中心'].filter(Boolean).join(' · ');
  return { org, phone: cfg.centrePhone || estate?.phone || '' };
}

const fmt = (iso: string | null | undefined) => (iso ? cstDateTime(iso) : '');

function promiseText(d: TicketDetailT): string {
  const { sla } = d.ticket;
  if (d.ticket.expectedVisitAt) return `预约上门时间：${fmt(d.ticket.expectedVisitAt)}`;
  const parts: string[] = [];
  if (sla.respondDueAt) parts.push(`${fmt(sla.respondDueAt)} 前响应`);
  if (sla.resolveDueAt) parts.push(`${fmt(sla.resolveDueAt)} 前处理完毕`);
  return parts.length ? `我们承诺：${parts.join('，')}${sla.clock === 'working' ? '（按工作时间计）' : ''}。` : '感谢您的反馈。';
}

function acceptanceSlip(d: TicketDetailT, lh: Letterhead) {
  const t = d.ticket;
  const copy = (label: string) => h`
    <div class="org">${lh.org}</div>
    <h1>受 理 单</h1>
    <div class="meta"><span>工单号：<span class="no">${t.no}</span></span><span>${label}</span><span>受理时间：${fmt(t.receivedAt)}</span></div>
    <table class="grid">
      <tr><th>类型</th><td>${t.type}（${t.urgency}）</td><th>渠道</th><td>${t.channel}</td></tr>
      <tr><th>位置</th><td colspan="3">${t.location}</td></tr>
      <tr><th>报事人</th><td>${t.reporter ?? ''}</td><th>联系电话</th><td>${t.phone ?? ''}</td></tr>
      <tr><th>类别</th><td colspan="3">${t.category}${t.subcategory ? ` / ${t.subcategory}` : ''}</td></tr>
      <tr><th>内容</th><td colspan="3" class="tall">${t.description}</td></tr>
      <tr><th>受理人</th><td>${t.receivedBy}</td><th>服务电话</th><td>${lh.phone}</td></tr>
    </table>
    <div class="promise">${promiseText(d)}</div>`;
  return h`<div class="doc">
    ${copy('业主联')}
    <div class="note muted">请妥善保管本单，查询进度请报工单号。处理完毕后我们将回访，欢迎提出意见。</div>
    <div class="stub">${copy('存根联')}
      <div class="sign"><div>业主签字：</div><div>受理人签字：</div></div>
    </div>
  </div>`;
}

function workOrder(d: TicketDetailT, lh: Letterhead) {
  const t = d.ticket;
  const dispatched = [...d.events].reverse().find((e) => e.action === 'dispatch' || e.action === 'reassign');
  return h`<div class="doc">
    <div class="org">${lh.org}</div>
    <h1>派 工 单</h1>
    <div class="meta"><span>工单号：<span class="no">${t.no}</span></span><span>派工时间：${fmt(dispatched?.at ?? null)}</span></div>
    <table class="grid">
      <tr><th>类型</th><td>${t.type}（${t.urgency}）</td><th>类别</th><td>${t.category}${t.subcategory ? ` / ${t.subcategory}` : ''}</td></tr>
      <tr><th>位置</th><td colspan="3">${t.location}</td></tr>
      <tr><th>联系人</th><td>${t.reporter ?? ''}</td><th>联系电话</th><td>${t.phone ?? ''}</td></tr>
      <tr><th>处理部门</th><td>${t.department ?? ''}</td><th>处理人</th><td>${t.assignee ?? ''}</td></tr>
      <tr><th>受理时间</th><td>${fmt(t.receivedAt)}</td><th>要求完成</th><td>${t.expectedVisitAt ? `预约 ${fmt(t.expectedVisitAt)}` : fmt(t.sla.resolveDueAt)}</td></tr>
      <tr><th>报事内容</th><td colspan="3" class="tall">${t.description}</td></tr>
      <tr><th>到场时间</th><td></td><th>完成时间</th><td></td></tr>
      <tr><th>处理情况</th><td colspan="3" class="tall"></td></tr>
      <tr><th>使用材料</th><td colspan="3" style="height:14mm"></td></tr>
      <tr><th>业主评价</th><td colspan="3">□ 非常满意　□ 满意　□ 一般　□ 不满意　□ 非常不满意</td></tr>
    </table>
    <div class="sign"><div>处理人签字：</div><div>业主签字确认：</div><div>客服复核：</div></div>
    <div class="note muted">完工后请业主签字确认，并于当日将本单交回客服中心。服务电话：${lh.phone}</div>
  </div>`;
}

/** Renders a ticket document as a self-contained HTML page, ready for Chromium to print. */
export async function renderTicketDocument(
  ctx: CoreContext,
  input: { document: TicketDocument; ticketId: number; pageSize?: PageSize },
): Promise<{ html: string; fileName: string; title: string }> {
  const d = await getTicketDetail(ctx, input.ticketId);
  const lh = await letterhead(ctx, d.ticket.estateId);
  const title = DOCUMENT_TITLES[input.document];
  const body = input.document === 'acceptanceSlip' ? acceptanceSlip(d, lh) : workOrder(d, lh);
  return { html: page(`${title} ${d.ticket.no}`, input.pageSize ?? 'A4', body), fileName: `${title}-${d.ticket.no}.pdf`, title };
}

