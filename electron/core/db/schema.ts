import type { Generated } from 'kysely';
import type { MoveinTables } from './tables/movein';
import type { NoticesTables } from './tables/notices';
import type { RenovationTables } from './tables/renovation';
import type { AccountsTables } from './tables/accounts';

// Kysely table types. Instants are UTC ISO text; calendar dates are "YYYY-MM-DD" text.
// Every table keeps its rows forever: voided_at / ended_at mark what is no longer current.
interface Voidable {
  voided_at: string | null;
  void_reason: string | null;
}
interface Stamped {
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
}
export interface EstatesTable extends Stamped, Voidable {
  id: Generated<number>;
  name: string;
  address: string | null;
  phone: string | null;
}
export interface BuildingsTable extends Stamped, Voidable {
  id: Generated<number>;
  estate_id: number;
  name: string;
  code: string;
  floors: number | null;
  sort_key: string;
}
export interface UnitsTable extends Stamped {
  id: Generated<number>;
  building_id: number;
  name: string;
  code: string;
}
export interface HousesTable extends Stamped, Voidable {
  id: Generated<number>;
  estate_id: number;
  building_id: number;
  unit_id: number | null;
  room_no: string;
  floor: number | null;
  building_area: number | null;
  inner_area: number | null;
  type: string;
  status: string;
  notes: string | null;
}
export interface PeopleTable extends Stamped, Voidable {
  id: Generated<number>;
  name: string;
  name_initials: string;
  name_pinyin: string;
  gender: string | null;
  phone: string | null;
  phone_digits: string | null;
  phone2: string | null;
  id_type: string | null;
  id_number: string | null;
  birthday: string | null;
  emergency_contact: string | null;
  emergency_phone: string | null;
  work_unit: string | null;
  notes: string | null;
}
export interface OccupanciesTable extends Stamped {
  id: Generated<number>;
  house_id: number;
  person_id: number;
  role: string;
  move_in_date: string | null;
  move_out_date: string | null;
  lease_start: string | null;
  lease_end: string | null;
  ended_at: string | null;
  source: string | null; // 'manual' | 'roster:<hash>' | 'demo'
}
export interface VehiclesTable extends Stamped, Voidable {
  id: Generated<number>;
  house_id: number | null;
  person_id: number | null;
  plate: string;
  plate_norm: string;
  model: string | null;
  color: string | null;
  notes: string | null;
}
export interface ParkingSpacesTable extends Stamped, Voidable {
  id: Generated<number>;
  estate_id: number;
  house_id: number | null;
  vehicle_id: number | null;
  code: string;
  kind: string;
  start_date: string | null;
  end_date: string | null;
  notes: string | null;
}
export interface CommunicationsTable extends Voidable {
  id: Generated<number>;
  house_id: number;
  person_id: number | null;
  at: string;
  channel: string;
  summary: string;
  staff: string;
  created_at: string;
}
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  entity: string;
  entity_id: number | null;
  action: string;
  detail: string | null; // JSON
}
export interface ImportBatchesTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_hash: string;
  at: string;
  accepted: number;
  rejected: number;
  created_json: string;
}

export interface TicketsTable {
  id: Generated<number>;
  no: string;
  type: string;
  channel: string;
  estate_id: number;
  house_id: number | null;
  building_id: number | null;
  location: string;
  category: string;
  subcategory: string | null;
  urgency: string;
  reporter: string | null;
  phone: string | null;
  phone_digits: string | null;
  description: string;
  expected_visit_at: string | null;
  received_by: string;
  received_at: string;
  status: string;
  status_before_hold: string | null;
  department: string | null;
  assignee: string | null;
  responded_at: string | null;
  completed_at: string | null;
  callback_at: string | null;
  closed_at: string | null;
  voided_at: string | null;
  void_reason: string | null;
  respond_due_at: string | null;
  resolve_due_at: string | null;
  sla_clock: Generated<string>;
  respond_minutes: number | null;
  resolve_minutes: number | null;
  imported: Generated<number>;
  import_key: string | null;
  created_at: string;
  updated_at: string;
}
export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  at: string;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data: string | null;
}
export interface TicketHoldsTable {
  id: Generated<number>;
  ticket_id: number;
  start_at: string;
  end_at: string | null;
}
export interface CallbacksTable {
  id: Generated<number>;
  ticket_id: number;
  at: string;
  method: string;
  resolved: number;
  satisfaction: string | null;
  score: number | null;
  comment: string | null;
  staff: string;
  created_at: string;
}
export interface AttachmentsTable {
  id: Generated<number>;
  ticket_id: number;
  file_name: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
}
export interface CalendarDaysTable {
  date: string;
  kind: string;
  name: string;
  source: string;
}
export interface CountersTable {
  key: string;
  value: number;
}

/** every print, PDF and Word file of a document (documents/print-log.ts) */
export interface PrintLogTable {
  id: Generated<number>;
  kind: string;
  title: string;
  audience: string;
  action: string;
  pages: number | null;
  actor: string;
  at: string;
  house_id: number | null;
  ref_id: number | null;
}

/** Tables of the later domains live beside their code's types (tables/*.ts). */
export interface DB extends MoveinTables, NoticesTables, RenovationTables, AccountsTables {
  print_log: PrintLogTable;
  settings: SettingsTable;
  estates: EstatesTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  houses: HousesTable;
  people: PeopleTable;
  occupancies: OccupanciesTable;
  vehicles: VehiclesTable;
  parking_spaces: ParkingSpacesTable;
  communications: CommunicationsTable;
  audit_log: AuditLogTable;
  import_batches: ImportBatchesTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_holds: TicketHoldsTable;
  callbacks: CallbacksTable;
  attachments: AttachmentsTable;
  calendar_days: CalendarDaysTable;
  counters: CountersTable;
}
