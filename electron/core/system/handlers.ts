import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import type { ShellInfo } from '../index';
import { listEstates, createEstate } from '../archives/places';
import { schemaVersion } from '../db/connection';
import { seedDemo } from '../demo/generate';
import { readSettings, writeSettings } from './settings';
import { conflict } from '../errors';

export { readSettings } from './settings';

type SystemChannels = Exclude<keyof HandlerGroup<'system.'>, 'system.files.save'>;

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
        const r = await seedDemo(ctx, { estateName: input.estateName, houses: input.houses ?? 600 });
        if (input.phone) await ctx.db.updateTable('estates').set({ phone: input.phone }).where('id', '=', r.estateId).execute();
        return r;
      }
      const estate = await createEstate(ctx, { name: input.estateName, phone: input.phone || null });
      return { estateId: estate.id, houses: 0, people: 0 };
    },
    'system.settings.update': (patch) => writeSettings(ctx, patch),
  };
}
