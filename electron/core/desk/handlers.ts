import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import { readDeskConfig, updateDeskConfig } from './config';
import { calendarYear, setCalendarDay } from './calendar';
import { createTicket, recordCallback, transition } from './tickets';
import { getTicketDetail } from './ticket-read';
import { addTicketNote, addTicketPhotos, editTicket } from './ticket-edit';
import { dashboard, listTickets } from './list';
import { readAttachment } from './attachments';
import './history-source';

export function deskHandlers(ctx: CoreContext): HandlerGroup<'desk.'> {
  return {
    'desk.config.get': () => readDeskConfig(ctx),
    'desk.config.update': (patch) => updateDeskConfig(ctx, patch),
    'desk.calendar.get': (i) => calendarYear(ctx, i.year),
    'desk.calendar.set': (i) => setCalendarDay(ctx, i),
    'desk.tickets.create': (i) => createTicket(ctx, i),
    'desk.tickets.get': (i) => getTicketDetail(ctx, i.id),
    'desk.tickets.list': (i) => listTickets(ctx, i),
    'desk.tickets.transition': (i) => transition(ctx, i),
    'desk.tickets.edit': (i) => editTicket(ctx, i),
    'desk.tickets.addNote': (i) => addTicketNote(ctx, i),
    'desk.tickets.addPhotos': (i) => addTicketPhotos(ctx, i),
    'desk.callbacks.record': (i) => recordCallback(ctx, i),
    'desk.dashboard': () => dashboard(ctx),
    'desk.attachments.get': (i) => readAttachment(ctx, i.id),
  };
}
