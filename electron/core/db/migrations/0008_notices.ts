import { sql, type Kysely } from 'kysely';

// 通知公告 (PRODUCT.md §5). notice_templates: the wording with {{占位符}}, eight built in (seeded
// here, so a fresh database has them; staff may edit them but not void them). notices: one row per
// issued notice; its number 〔2026〕第012号 counts per estate per China year (year, seq), and `pages`
// keeps the rendered block pages (one array of pages per unit: the posted copy, or each house), so
// a reprint is exactly what was issued even after the template changes. notice_houses lists the
// houses a per-house notice went to (household history, print log). JSON columns: fields string[],
// values {name: text}, audience {kind, buildingId?, unitName?, houseIds?}, amounts {houseId: yuan},
// pages DocPage[][].
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notice_templates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  // SQLite-only: a partial index, so a voided template's name can be used again
  await sql`create unique index notice_templates_live_name on notice_templates (name) where voided_at is null`.execute(db);

  await db.schema
    .createTable('notices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('template_id', 'integer', (c) => c.references('notice_templates.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('no', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('values', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('audience_label', 'text', (c) => c.notNull())
    .addColumn('amounts', 'text', (c) => c.notNull())
    .addColumn('pages', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema.createIndex('notices_number').on('notices').columns(['estate_id', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('notices_issued').on('notices').columns(['estate_id', 'issued_at']).execute();

  await db.schema
    .createTable('notice_houses')
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id'))
    .addColumn('house_id', 'integer', (c) => c.notNull().references('houses.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('amount', 'real')
    .addPrimaryKeyConstraint('notice_houses_pk', ['notice_id', 'house_id'])
    .execute();
  await db.schema.createIndex('notice_houses_house').on('notice_houses').column('house_id').execute();

  const now = new Date().toISOString();
  await (db as Kysely<{ notice_templates: Record<string, unknown> }>)
    .insertInto('notice_templates')
    .values(
      BUILTINS.map((t) => ({
        name: t.name,
        kind: t.kind,
        title: t.title,
        body: t.body,
        fields: JSON.stringify(t.fields),
        builtin: 1,
        voided_at: null,
        void_reason: null,
        updated_at: now,
        updated_by: '系统',
      })),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notice_houses').execute();
  await db.schema.dropTable('notices').execute();
  await db.schema.dropTable('notice_templates').execute();
}

// The built-in wording, as released with this migration (later wording changes are staff edits).
const BUILTINS: Array<{ name: string; kind: string; title: string; body: string; fields: string[] }> = [
  {
    name: '停水通知',
    kind: '停水',
    title: '停水通知',
    fields: ['停水原因', '停水范围'],
    body: [
      '因{{停水原因}}，{{项目}}{{停水范围}}将于{{开始时间}}至{{结束时间}}暂停供水。',
      '请各位业主、住户提前做好储水准备，停水期间请关闭家中水龙头，以免恢复供水时发生跑水。如遇特殊情况，恢复供水时间将另行通知。',
      '由此给您带来的不便，敬请谅解。如有疑问，请致电服务中心：{{服务电话}}。',
    ].join('\n'),
  },
  {
    name: '停电通知',
    kind: '停电',
    title: '停电通知',
    fields: ['停电原因', '停电范围'],
    body: [
      '因{{停电原因}}，{{项目}}{{停电范围}}将于{{开始时间}}至{{结束时间}}暂停供电。停电期间电梯、门禁、地下车库照明及二次供水设备将停止运行。',
      '请各位业主、住户提前做好准备：关闭家中电器电源，冰箱内食品妥善保存，需使用电梯者请提前安排出行。',
      '由此给您带来的不便，敬请谅解。如有疑问，请致电服务中心：{{服务电话}}。',
    ].join('\n'),
  },
  {
    name: '停气通知',
    kind: '停气',
    title: '停气通知',
    fields: ['停气原因', '停气范围'],
    body: [
      '接燃气公司通知，因{{停气原因}}，{{项目}}{{停气范围}}将于{{开始时间}}至{{结束时间}}暂停供应管道燃气。',
      '停气期间请关闭燃气表前阀门及灶具开关；恢复供气后，如发现燃气异味，请立即开窗通风，切勿开关电器，并及时报告服务中心或燃气公司。',
      '由此给您带来的不便，敬请谅解。服务电话：{{服务电话}}。',
    ].join('\n'),
  },
  {
    name: '电梯维保通知',
    kind: '电梯',
    title: '电梯维保通知',
    fields: ['电梯位置'],
    body: [
      '为保障电梯安全运行，服务中心将于{{开始时间}}至{{结束时间}}对{{楼栋}}{{电梯位置}}进行例行维护保养，届时该电梯暂停使用。',
      '维保期间请使用其他电梯或步行楼梯，老人、儿童上下楼请注意安全。请勿在维保区域逗留。',
      '感谢您的理解与配合。如有疑问，请致电服务中心：{{服务电话}}。',
    ].join('\n'),
  },
  {
    name: '装修施工公示',
    kind: '装修',
    title: '装修施工公示',
    fields: ['装修房号', '施工单位', '施工内容'],
    body: [
      '{{项目}}{{装修房号}}业主已按规定办理装修登记手续，现予公示：',
      '施工单位：{{施工单位}}；施工内容：{{施工内容}}；施工期限：{{开始时间}}至{{结束时间}}。',
      '施工时间为工作日 8:00—12:00、14:00—18:00，节假日不得进行产生噪音的作业。施工期间如对邻里造成不便，敬请谅解；如发现违规装修行为，请向服务中心反映，电话：{{服务电话}}。',
    ].join('\n'),
  },
  {
    name: '催缴通知单',
    kind: '催缴',
    title: '催缴通知单',
    fields: [],
    body: [
      '经核对，您名下{{楼栋}}{{单元}}{{房号}}房屋{{期间}}的物业服务费尚未缴纳，欠费金额为人民币{{金额}}元（大写：{{金额大写}}）。',
      '物业服务费是保障小区正常运转、设施设备维护及公共秩序维护的必要费用。请您于收到本通知后十五日内到服务中心缴纳；如已缴纳，请忽略本通知。',
      '如对欠费金额有疑问，请携带缴费凭证到服务中心核对，或致电：{{服务电话}}。感谢您的理解与支持！',
    ].join('\n'),
  },
  {
    name: '温馨提示',
    kind: '提示',
    title: '温馨提示',
    fields: ['提示内容'],
    body: ['{{提示内容}}', '如需帮助，请致电服务中心：{{服务电话}}。服务中心祝您生活愉快！'].join('\n'),
  },
  {
    name: '公告',
    kind: '公告',
    title: '公告',
    fields: ['公告内容'],
    body: ['{{公告内容}}', '如有疑问，请致电服务中心：{{服务电话}}。'].join('\n'),
  },
];
