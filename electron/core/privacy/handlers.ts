import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import { reveal } from './reveal';

/** 显示 one masked number (shared/contract/privacy.ts, docs/PRIVACY.md). */
export function privacyHandlers(ctx: CoreContext): HandlerGroup<'privacy.'> {
  return {
    'privacy.reveal': (i) => reveal(ctx, i),
  };
}
