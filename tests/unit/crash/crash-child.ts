// The process crash-safety.test.ts kills with SIGKILL. It opens the real database through the app's
// core, exactly as a shell does, and writes one line to stdout after each save the core acknowledged:
// that line is the receipt the parent holds the database to. Run as
//   node --import tsx tests/unit/crash/crash-child.ts intake <db file> <run>
//   node --import tsx tests/unit/crash/crash-child.ts roster <db file> <workbook> <estate id>
import { writeSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../../../electron/core/index';

/** `ACK {"id","no","run","seq","attachments"}`: a ticket the core said it saved */
export const ACK = 'ACK';
/** `PLAN {"houses","people","buildings"}`: what the roster preview says the commit will create */
export const PLAN = 'PLAN';
/** printed just before the roster commit is dispatched */
export const COMMIT_START = 'COMMIT-START';
/** `COMMIT-DONE {"ms"}`: the core acknowledged the roster commit */
export const COMMIT_DONE = 'COMMIT-DONE';

export interface Ack {
  id: number;
  no: string;
  run: number;
  seq: number;
  attachments: number[];
}

const TYPES = ['投诉', '报修', '咨询', '建议', '表扬'] as const;
/** a PNG signature and a few bytes: enough for the attachment check */
export const PHOTO = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(300, 7)]);

// writeSync: the line is in the pipe before the next statement runs, so a kill cannot lose an ack already made
const say = (line: string) => writeSync(1, `${line}\n`);

/** the account the children and the test sign in with (docs/ACCOUNTS.md): the first child on a new file creates it */
const STAFF = { username: 'crash', displayName: '前台', password: 'crash-pass' } as const;

/** Opens the file through the app's core, as a shell does, and signs in. */
export async function open(file: string): Promise<Core> {
  const core = await createCore({ file }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: null }) });
  const { needsSetup } = await value<{ needsSetup: boolean }>(core, 'auth.status', {});
  if (needsSetup) await value(core, 'auth.setup', STAFF);
  else await value(core, 'auth.login', { username: STAFF.username, password: STAFF.password });
  return core;
}

async function value<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const r = (await core.dispatch(channel, input as never)) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${channel}：${r.error.message}`);
  return r.value;
}

/** Records tickets until killed; every fourth carries a photo. */
async function intake(file: string, run: number): Promise<void> {
  const core = await open(file);
  const status = await value<{ firstRun: boolean }>(core, 'system.status', {});
  if (status.firstRun) await value(core, 'system.setup', { estateName: '崩溃测试花园', demo: false });
  for (let seq = 0; ; seq++) {
    const t = await value<{ ticket: { id: number; no: string }; attachments: { id: number }[] }>(core, 'desk.tickets.create', {
      type: TYPES[seq % TYPES.length],
      channel: '电话',
      location: '小区南门',
      category: '其他',
      urgency: '一般',
      description: `第${run}次启动第${seq}条`,
      attachments: seq % 4 === 3 ? [{ fileName: '现场.png', dataBase64: PHOTO.toString('base64') }] : [],
    });
    const ack: Ack = { id: t.ticket.id, no: t.ticket.no, run, seq, attachments: t.attachments.map((a) => a.id) };
    say(`${ACK} ${JSON.stringify(ack)}`);
  }
}

/** Previews the workbook into the estate, then commits it once. */
async function roster(file: string, workbook: string, estateId: number): Promise<void> {
  const core = await open(file);
  const p = await value<{ token: string; willCreate: { houses: number; people: number; buildings: number } }>(core, 'imports.roster.preview', {
    fileName: basename(workbook),
    dataBase64: readFileSync(workbook).toString('base64'),
    estateId,
  });
  say(`${PLAN} ${JSON.stringify(p.willCreate)}`);
  say(COMMIT_START);
  const started = performance.now();
  await value(core, 'imports.roster.commit', { token: p.token });
  say(`${COMMIT_DONE} ${JSON.stringify({ ms: Math.round(performance.now() - started) })}`);
  await core.close();
}

async function main(argv: string[]): Promise<void> {
  const [mode, file, ...rest] = argv;
  if (mode === 'intake') await intake(file, Number(rest[0]));
  else if (mode === 'roster') await roster(file, rest[0], Number(rest[1]));
  else throw new Error(`unknown mode ${mode}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2)).catch((err: unknown) => {
    writeSync(2, `${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
