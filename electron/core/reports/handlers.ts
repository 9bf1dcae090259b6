import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import type { reportsChannels } from '../../../shared/contract/reports';
import { monthlyReport } from './monthly';

/** The report channels (shared/contract/reports.ts). */
export function reportsHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof reportsChannels> {
  return {
    'reports.monthly.get': (input) => monthlyReport(ctx, input),
  };
}
