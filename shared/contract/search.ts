import { z } from 'zod';
import { Id } from './common';

export const SearchHit = z.object({
  kind: z.enum(['house', 'person', 'vehicle']),
  /** the household the hit opens */
  houseId: Id,
  /** the estate of that household: one database may hold several */
  estateId: Id,
  estateName: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** why it matched, e.g. "房号" "拼音首字母" "电话尾号" */
  matched: z.string(),
});
export const SearchInput = z.object({
  query: z.string().max(50, '搜索内容过长'),
  limit: z.number().int().min(1).max(50).optional(),
  /** the estate the desk is working on: its hits come first among equally good ones */
  estateId: Id.optional(),
});

export const searchChannels = {
  'search.lookup': { input: SearchInput, output: z.array(SearchHit) },
} as const;

export type SearchHitT = z.infer<typeof SearchHit>;
