import { IntakeInput, type TicketT } from '../../../../../shared/contract/desk';
import type { HouseholdT } from '../../../../../shared/contract/archives';
import type { z } from 'zod';
import { contractResolver } from '../../../components/form/contractForm';
import { wallTimeToIso } from './wallTime';

export type TicketType = TicketT['type'];
export type Channel = TicketT['channel'];

export interface Photo {
  file: File;
  /** object URL for the thumbnail; revoked when the photo leaves the form */
  url: string;
}

/** The intake form's values (@mantine/form); kept as a draft until saved (docs/ARCHITECTURE.md, "Drafts and the leave guard"). */
export interface IntakeValues extends Record<string, unknown> {
  type: TicketType;
  channel: Channel;
  publicArea: boolean;
  /** the picked house with its people, as shown; its id is what is sent */
  household: HouseholdT | null;
  /** public-area text, e.g. "3栋电梯" */
  location: string;
  buildingId: number | null;
  category: string | null;
  subcategory: string | null;
  /** the category was proposed from the description, not chosen by the user */
  categorySuggested: boolean;
  urgency: TicketT['urgency'];
  reporter: string;
  phone: string;
  description: string;
  /** "YYYY-MM-DD HH:mm:ss", China wall-clock time, as the picker gives it; null = none agreed */
  expectedVisitAt: string | null;
  /** null = the staff name from settings */
  receivedBy: string | null;
}

/** Bump when IntakeValues changes shape, so an older kept draft is not poured into the wrong fields. */
export const INTAKE_DRAFT_VERSION = 2;

export const EMPTY_INTAKE: IntakeValues = {
  type: '投诉',
  channel: '来访',
  publicArea: false,
  household: null,
  location: '',
  buildingId: null,
  category: null,
  subcategory: null,
  categorySuggested: false,
  urgency: '一般',
  reporter: '',
  phone: '',
  description: '',
  expectedVisitAt: null,
  receivedBy: null,
};

/** An empty form that keeps the type and channel: the next caller usually comes the same way. */
export function blankIntake(from: Pick<IntakeValues, 'type' | 'channel'>): IntakeValues {
  return { ...EMPTY_INTAKE, type: from.type, channel: from.channel };
}

/** Whether the user has typed or picked anything worth keeping (type and channel alone are not). */
export function hasContent(v: IntakeValues): boolean {
  return !!(
    v.household ||
    v.location.trim() ||
    v.description.trim() ||
    v.category ||
    v.reporter.trim() ||
    v.phone.trim() ||
    v.expectedVisitAt ||
    v.receivedBy !== null
  );
}

/** The form's values as the desk.tickets.create call takes them (photos are added when saving). */
export function toInput(v: IntakeValues, staffName: string): z.input<typeof IntakeInput> {
  const visit = v.type === '报修' && v.expectedVisitAt ? v.expectedVisitAt : null;
  return {
    type: v.type,
    channel: v.channel,
    houseId: v.publicArea ? null : (v.household?.house.id ?? null),
    location: v.publicArea ? v.location : null,
    buildingId: v.publicArea ? v.buildingId : null,
    category: v.category ?? '',
    subcategory: v.subcategory,
    urgency: v.urgency,
    reporter: v.reporter,
    phone: v.phone,
    description: v.description,
    // an unreadable time goes as typed: intakeErrors names it before anything is sent
    expectedVisitAt: visit ? (wallTimeToIso(visit) ?? visit) : null,
    receivedBy: v.receivedBy ?? staffName,
  };
}

const contractErrors = (staffName: string) => contractResolver(IntakeInput, (v: IntakeValues) => toInput(v, staffName));

/**
 * Every message the form shows before sending, all at once so the user fixes everything in one go:
 * the contract's own schema (what main would refuse, with main's words), plus what only the form
 * knows (which of house or public area is missing; a visit already past by the form's clock).
 */
export function intakeErrors(v: IntakeValues, staffName: string, now: number = Date.now()): Record<string, string> {
  const e = contractErrors(staffName)(v);
  delete e.houseId;
  delete e.buildingId;
  if (v.publicArea) {
    if (!v.location.trim()) e.location = '请填写公共区域位置';
  } else if (!v.household) e.location = '请选择房屋，或切换到「公共区域」';
  if (v.type === '报修' && v.expectedVisitAt) {
    const at = wallTimeToIso(v.expectedVisitAt);
    if (!at) e.expectedVisitAt = '请填写完整的日期和时间';
    else if (Date.parse(at) <= now) e.expectedVisitAt = '预约上门时间应晚于现在';
  }
  return e;
}

/** The fields in reading order: the first one with a message gets the cursor. */
export const FIELD_ORDER = ['location', 'category', 'subcategory', 'description', 'reporter', 'phone', 'receivedBy', 'expectedVisitAt'] as const;
export type FocusField = (typeof FIELD_ORDER)[number];

const REQUIRED: { key: FocusField; empty(v: IntakeValues): boolean }[] = [
  { key: 'location', empty: (v) => (v.publicArea ? !v.location.trim() : !v.household) },
  { key: 'category', empty: (v) => !v.category },
  { key: 'description', empty: (v) => !v.description.trim() },
];

/** The next required field after `after` that is still empty, in reading order; null when all are filled. */
export function nextEmptyRequired(v: IntakeValues, after: FocusField | null): FocusField | null {
  const from = after ? REQUIRED.findIndex((r) => r.key === after) + 1 : 0;
  return REQUIRED.slice(from).find((r) => r.empty(v))?.key ?? null;
}
