import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import { listAudit } from './list';

/** 操作日志 (shared/contract/audit.ts, docs/AUDIT.md). */
export function auditHandlers(ctx: CoreContext): HandlerGroup<'audit.'> {
  return {
    'audit.list': (i) => listAudit(ctx, i),
  };
}
