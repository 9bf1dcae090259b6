import type { z } from 'zod';
import { archivesChannels } from './archives';
import { importsChannels } from './imports';
import { searchChannels } from './search';
import { systemChannels } from './system';
import { deskChannels } from './desk';
import { documentsChannels } from './documents';
import { moveinChannels } from './movein';
import { packetChannels } from './packet';
import { noticesChannels } from './notices';
import { renovationChannels } from './renovation';
import { reportsChannels } from './reports';
import { accountsChannels } from './accounts';
import { auditChannels } from './audit';
import { backupChannels } from './backup';
import { privacyChannels } from './privacy';
import type { Result } from './result';

// The one contract between renderer and main: every channel, its input schema and its output schema.
// Main validates inputs against it; the preload and the HTTP bridge expose exactly these names.
export const contract = {
  ...systemChannels,
  ...archivesChannels,
  ...searchChannels,
  ...importsChannels,
  ...deskChannels,
  ...documentsChannels,
  ...moveinChannels,
  ...packetChannels,
  ...noticesChannels,
  ...renovationChannels,
  ...reportsChannels,
  ...accountsChannels,
  ...auditChannels,
  ...backupChannels,
  ...privacyChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

/** The API the renderer sees, implemented by the Electron preload and by the HTTP bridge alike. */
export type FrontDeskApi = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> };

/** Builds the API object from a transport; only contract channels exist on it. */
export function buildApi(send: (channel: Channel, input: unknown) => Promise<unknown>): FrontDeskApi {
  const api = {} as Record<Channel, (input: unknown) => Promise<unknown>>;
  for (const c of channels) api[c] = (input: unknown) => send(c, input);
  return api as unknown as FrontDeskApi;
}

export * from './result';
