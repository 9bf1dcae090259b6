import { notifications, notificationsStore } from '@mantine/notifications';
import type { AppError, Result } from '../../../shared/contract/result';

// Notifications (docs/ARCHITECTURE.md, "Forms and messages"): one slot per kind of message, so a new
// message replaces the last of its kind instead of stacking; an error slot goes away when the call
// that failed succeeds again; field errors are never notifications (forms show them by the field,
// and a form's general refusal above its buttons, see components/form/FormModal.tsx).

const CONNECTION_LOST = '与后台的连接中断，请重试';
/** slots: the last error, the last "saved", and errors of calls that name their own key */
const ERROR_SLOT = 'fd-error';
const SAVED_SLOT = 'fd-saved';
const keyed = (key: string) => `fd-error:${key}`;
/** at most this many of our own messages on screen; the oldest goes first */
const MAX_SHOWN = 3;

interface Message {
  slot: string;
  color: string;
  title?: string;
  message: string;
  autoClose: number | false;
}

let sequence = 0;
/** the notification ids on screen that belong to a slot ("fd-saved" → "fd-saved#12") */
function idsOf(slot: string): string[] {
  const { notifications: shown, queue } = notificationsStore.getState();
  return [...shown, ...queue].flatMap((n) => (n.id?.startsWith(`${slot}#`) ? [n.id] : []));
}
function hideSlot(slot: string) {
  for (const id of idsOf(slot)) notifications.hide(id);
}

function put(m: Message) {
  // a new id each time, so the replacement gets a fresh timer; the slot's previous one goes
  hideSlot(m.slot);
  const ours = notificationsStore.getState().notifications.filter((n) => n.id?.startsWith('fd-'));
  for (const old of ours.slice(0, Math.max(0, ours.length - (MAX_SHOWN - 1)))) if (old.id) notifications.hide(old.id);
  const { slot, ...shown } = m;
  notifications.show({ ...shown, id: `${slot}#${++sequence}`, withCloseButton: true });
}

export interface CallOptions {
  /** show nothing on failure (the caller shows it in place) */
  quiet?: boolean;
  /**
   * Names the call (e.g. "household"): its failure gets a slot of its own, and its next success
   * takes that failure off the screen, because the problem is gone.
   */
  key?: string;
}

/** Unwraps a result; on failure shows the Chinese message as a red notification and returns null. */
export async function unwrap<T>(p: Promise<Result<T>>, opts: CallOptions = {}): Promise<T | null> {
  let r: Result<T>;
  try {
    r = await p;
  } catch {
    r = { ok: false, error: { code: 'INTERNAL', message: CONNECTION_LOST } };
  }
  if (r.ok) {
    clearError(opts.key);
    return r.value;
  }
  if (!opts.quiet) showError(r.error, opts.key);
  return null;
}

/** Shows a failure in the error slot (or the call's own slot), replacing what was there. */
export function showError(error: AppError, key?: string) {
  put({ slot: key ? keyed(key) : ERROR_SLOT, color: 'red', title: '未完成', message: error.message, autoClose: 8000 });
}

/**
 * Takes a failure off the screen once its cause is gone: the keyed call's slot, and a lost
 * connection (any answer proves it is back).
 */
function clearError(key?: string) {
  if (key) hideSlot(keyed(key));
  for (const n of notificationsStore.getState().notifications)
    if (n.id?.startsWith(`${ERROR_SLOT}#`) && n.message === CONNECTION_LOST) notifications.hide(n.id);
}

/** A short confirmation; a new one replaces the last. Saving also settles the last error shown. */
export function showSaved(message: string) {
  hideSlot(ERROR_SLOT);
  put({ slot: SAVED_SLOT, color: 'teal', message, autoClose: 2500 });
}

/** A heads-up that is neither a failure nor a save (orange); a new one replaces the last. */
export function showNotice(title: string, message: string) {
  put({ slot: 'fd-notice', color: 'orange', title, message, autoClose: 6000 });
}

/** Takes our confirmations and errors off the screen, e.g. when a dialog opens over where they sit. */
export function clearMessages() {
  for (const n of notificationsStore.getState().notifications) if (n.id?.startsWith('fd-')) notifications.hide(n.id);
}

type FormOutcome<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

/**
 * For forms not yet on FormModal: on a validation failure with field messages, returns them for
 * inline display (keys are zod paths such as "roomNo"); any other failure is shown as a notification.
 */
export async function submitForm<T>(p: Promise<Result<T>>): Promise<FormOutcome<T>> {
  let r: Result<T>;
  try {
    r = await p;
  } catch {
    r = { ok: false, error: { code: 'INTERNAL', message: CONNECTION_LOST } };
  }
  if (r.ok) {
    clearError();
    return { ok: true, value: r.value };
  }
  const fields = r.error.fields ?? {};
  // a message no field shows (e.g. a duplicate room) must still reach the user
  if (Object.keys(fields).length === 0 || fields._) showError(r.error);
  return { ok: false, fields };
}
