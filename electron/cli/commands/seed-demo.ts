import { parse, positiveInt, required, userPath } from '../args';
import { openCliContext } from '../context';
import { DEMO_ESTATE_NAME, seedDemo } from '../../core/demo/generate';

export const seedDemoUsage = 'seed-demo --db 数据库文件 [--houses 户数，默认500] [--estate 项目名称] [--seed 随机种子]';

export async function seedDemoCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, houses: { type: 'string' }, estate: { type: 'string' }, seed: { type: 'string' } });
  const db = userPath(required(values.db, '--db'));
  const houses = positiveInt(values.houses, '--houses', 500);
  const seed = values.seed === undefined ? undefined : positiveInt(values.seed, '--seed', 1);
  const estateName = values.estate?.trim() || DEMO_ESTATE_NAME;

  const { ctx, close } = await openCliContext(db);
  try {
    const started = performance.now();
    const r = await seedDemo(ctx, { estateName, houses, seed });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`已生成演示数据：项目「${estateName}」（编号 ${r.estateId}）`);
    console.log(`房屋 ${r.houses} 户，人员 ${r.people} 人，用时 ${secs} 秒`);
    console.log(`数据库：${db}`);
    return 0;
  } finally {
    await close();
  }
}
