// npm run harness -- --db FILE [--port N] [--data-dir DIR]
// Serves the built renderer in an ordinary browser, backed by the same core as the desktop app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RENDERER_DIR, startHarness } from './server';

const USAGE = `用法: npm run harness -- --db 数据库文件 [--port 端口] [--data-dir 目录]
  --db        数据库文件（不存在则新建），例如 ./.data/试用.sqlite
  --port      监听端口，默认 5180；0 表示自动选择空闲端口
  --data-dir  导出文件保存到 <目录>/downloads，默认为数据库所在目录`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { db?: string; port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    fail(`参数有误：${err instanceof Error ? err.message : String(err)}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.db) fail('缺少 --db 参数');
  const port = values.port === undefined ? 5180 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`端口无效：${values.port}`);
  if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) {
    console.warn(`注意：未找到已构建的界面（${DEFAULT_RENDERER_DIR}）。请先运行 npm run build，否则浏览器里只会看到提示页。`);
  }

  const harness = await startHarness({ dbFile: values.db, port, dataDir: values['data-dir'] });
  console.log(`FrontDesk harness（仅供开发和测试，只监听 127.0.0.1）: ${harness.url}`);
  console.log(`数据库: ${harness.dbFile}\n导出文件: ${harness.downloadsDir}\n按 Ctrl+C 停止。`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在关闭数据库……`);
    harness.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('关闭失败', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`FrontDesk harness 启动失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
