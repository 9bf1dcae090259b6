import type { Channel } from './index';
import type { Permission } from './accounts';
import { revealPermission } from './privacy';

// Which channel needs what (docs/ACCOUNTS.md). Its own file: accounts.ts is part of the contract
// index.ts builds, and this map is typed by that contract, one entry per channel, so a new
// channel without an entry is a type error.

/**
 * 'open': answered with nobody signed in; 'user': any signed-in user; a permission: only roles with
 * it; a function: the permission this input needs (null: any user).
 */
export type Access = 'open' | 'user' | Permission | ((input: unknown) => Permission | null);

/** voiding is one transition among many: only that one needs tickets.void */
const voidingTicket = (input: unknown): Permission | null =>
  typeof input === 'object' && input !== null && (input as { action?: unknown }).action === 'void' ? 'tickets.void' : null;

export const CHANNEL_ACCESS: { [C in Channel]: Access } = {
  'auth.status': 'open',
  'auth.setup': 'open',
  'auth.login': 'open',
  // a window that fails before sign-in still reports its error to the log file
  'system.log.write': 'open',
  'auth.logout': 'user',
  'auth.lock': 'user',
  'auth.unlock': 'user',
  'auth.changePassword': 'user',
  'users.list': 'users.manage',
  'users.create': 'users.manage',
  'users.update': 'users.manage',
  'users.resetPassword': 'users.manage',

  'system.status': 'user',
  'system.setup': 'settings.edit',
  'system.settings.update': 'settings.edit',
  'system.files.save': 'user',
  'system.log.open': 'user',
  'audit.list': 'audit.view',
  'privacy.reveal': revealPermission,
  'backup.settings.get': 'user',
  'backup.settings.update': 'settings.edit',
  'backup.run': 'user',
  'backup.history': 'user',
  'backup.restore': 'backup.restore',
  'backup.pickFolder': 'settings.edit',
  'backup.pickFile': 'backup.restore',

  'archives.estates.list': 'user',
  'archives.estates.create': 'user',
  'archives.estates.update': 'user',
  'archives.buildings.list': 'user',
  'archives.buildings.create': 'user',
  'archives.buildings.map': 'user',
  'archives.houses.create': 'user',
  'archives.houses.update': 'user',
  'archives.houses.void': 'user',
  'archives.household.get': 'user',
  'archives.people.find': 'user',
  'archives.people.duplicates': 'user',
  'archives.people.attach': 'user',
  'archives.people.update': 'user',
  'archives.people.moveOut': 'user',
  'archives.vehicles.add': 'user',
  'archives.vehicles.void': 'user',
  'archives.parking.add': 'user',
  'archives.parking.void': 'user',
  'archives.communications.add': 'user',
  'search.lookup': 'user',
  'imports.roster.preview': 'user',
  'imports.roster.remap': 'user',
  'imports.roster.commit': 'user',
  'imports.roster.report': 'user',
  'imports.ledger.preview': 'user',
  'imports.ledger.remap': 'user',
  'imports.ledger.commit': 'user',
  'imports.ledger.report': 'user',

  'desk.config.get': 'user',
  'desk.config.update': 'settings.edit',
  'desk.calendar.get': 'user',
  'desk.calendar.set': 'settings.edit',
  'desk.tickets.create': 'user',
  'desk.tickets.get': 'user',
  'desk.tickets.list': 'user',
  'desk.tickets.transition': voidingTicket,
  'desk.tickets.edit': 'user',
  'desk.tickets.addNote': 'user',
  'desk.tickets.addPhotos': 'user',
  'desk.callbacks.record': 'user',
  'desk.dashboard': 'user',
  'desk.attachments.get': 'user',

  'documents.print.preview': 'user',
  'documents.print.print': 'user',
  'documents.print.save': 'user',
  'documents.word.save': 'user',
  'documents.batch.start': 'user',
  'documents.batch.status': 'user',
  'documents.batch.cancel': 'user',
  'documents.batch.save': 'user',
  'documents.printers.list': 'user',
  'documents.log.list': 'user',
  'documents.texts.get': 'user',
  'documents.texts.update': 'templates.edit',
  'notices.templates.list': 'user',
  'notices.templates.save': 'templates.edit',
  'notices.templates.void': 'templates.edit',
  'notices.preview': 'user',
  'notices.issue': 'user',
  'notices.list': 'user',
  'notices.get': 'user',
  'notices.void': 'user',

  'movein.plan.get': 'user',
  'movein.plan.set': 'user',
  'movein.houses.list': 'user',
  'movein.handover.get': 'user',
  'movein.handover.save': 'user',
  'movein.moveIn': 'user',
  'movein.handover.void': 'user',
  'renovation.list': 'user',
  'renovation.get': 'user',
  'renovation.save': 'user',
  'renovation.start': 'user',
  'renovation.inspect': 'user',
  'renovation.accept': 'user',
  'renovation.refund': 'user',
  'renovation.void': 'user',
  'moveout.list': 'user',
  'moveout.save': 'user',
  'moveout.check': 'user',
  'moveout.void': 'user',
  'reports.monthly.get': 'user',
  'reports.monthly.xlsx': 'user',
  'reports.monthly.docx': 'user',
  'reports.tickets': 'user',
};

/** The permission this call needs, or null when any signed-in user may make it ('open' included). */
export function permissionFor(channel: Channel, input: unknown): Permission | null {
  const access = CHANNEL_ACCESS[channel];
  if (typeof access === 'function') return access(input);
  return access === 'open' || access === 'user' ? null : access;
}
