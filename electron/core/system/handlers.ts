import type { CoreContext, ShellInfo } from '../context';
import type { HandlerGroup } from '../dispatch';
import { listEstates, createEstate } from '../archives/places';
import { schemaVersion } from '../db/connection';
import { readSettings, writeSettings } from './settings';
import { conflict, invalid } from '../errors';

type SystemChannels = Exclude<keyof HandlerGroup<'system.'>, 'system.files.save' | 'system.log.write' | 'system.log.open'>;

export function systemHandlers(ctx: CoreContext, shell: ShellInfo): Pick<HandlerGroup<'system.'>, SystemChannels> {
  return {
    'system.status': async () => {
      const estates = await listEstates(ctx);
      return {
        firstRun: estates.length === 0,
        estates,
        settings: await readSettings(ctx),
        schemaVersion: schemaVersion(ctx.sqlite),
        dbPath: ctx.dbFile,
        shell: shell.kind,
      };
    },
    'system.setup': async (input) => {
      if ((await listEstates(ctx)).length > 0) throw conflict('已完成初始设置，不能重复设置');
      if (input.demo) {
        if (input.houses === undefined) throw invalid('请填写演示房屋数量', { houses: '请填写演示房屋数量' });
        // the generator computes pinyin (pinyin-pro): loaded on first use (docs/PERFORMANCE.md, "Start")
        const { seedDemo } = await import('../demo/generate');
        return seedDemo(ctx, { estateName: input.estateName, phone: input.phone, address: input.address, houses: input.houses });
      }
      const estate = await createEstate(ctx, { name: input.estateName, phone: input.phone, address: input.address });
      return { estateId: estate.id, houses: 0, people: 0 };
    },
    'system.settings.update': (patch) => writeSettings(ctx, patch),
  };
}
