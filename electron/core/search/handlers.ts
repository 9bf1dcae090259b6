import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import { lookup, DEFAULT_LIMIT } from './lookup';

export function searchHandlers(ctx: CoreContext): HandlerGroup<'search.'> {
  return {
    'search.lookup': (input) => lookup(ctx, input.query, input.limit ?? DEFAULT_LIMIT, input.estateId),
  };
}
