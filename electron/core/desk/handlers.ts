import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import { readDeskConfig, updateDeskConfig } from './config';
import { calendarYear, setCalendarDay } from './calendar';
import { createTicket, recordCallback, transition } from './tickets';
import { getTicketDetail, screenDetail } from './ticket-read';
import { addTicketNote, addTicketPhotos, editTicket } from './ticket-edit';
import { dashboard, listTickets } from './list';
import { readAttachment } from './attachments';
import './history-source';

/** Every answer with a ticket goes to a screen, so it is screenDetail'd: phones masked (docs/PRIVACY.md); list rows are masked as they are built. */
export function deskHandlers(ctx: CoreContext): HandlerGroup<'desk.'> {
  return {
    'desk.config.get': () => readDeskConfig(ctx),
    'desk.config.update': (patch) => updateDeskConfig(ctx, patch),
    'desk.calendar.get': (i) => calendarYear(ctx, i.year),
    'desk.calendar.set': (i) => setCalendarDay(ctx, i),
    'desk.tickets.create': async (i) => screenDetail(await createTicket(ctx, i)),
    'desk.tickets.get': async (i) => screenDetail(await getTicketDetail(ctx, i.id)),
    'desk.tickets.list': (i) => listTickets(ctx, i),
    'desk.tickets.transition': async (i) => screenDetail(await transition(ctx, i)),
    'desk.tickets.edit': async (i) => screenDetail(await editTicket(ctx, i)),
    'desk.tickets.addNote': async (i) => screenDetail(await addTicketNote(ctx, i)),
    'desk.tickets.addPhotos': async (i) => screenDetail(await addTicketPhotos(ctx, i)),
    'desk.callbacks.record': async (i) => screenDetail(await recordCallback(ctx, i)),
    'desk.dashboard': () => dashboard(ctx),
    'desk.attachments.get': (i) => readAttachment(ctx, i.id),
  };
}
