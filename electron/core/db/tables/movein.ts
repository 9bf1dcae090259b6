import type { Generated } from 'kysely';

// Kysely table types of the movein domain (its migration: core/db/migrations/0007_movein.ts). Same conventions as schema.ts.
export interface DeliveryPlansTable {
  id: Generated<number>;
  building_id: number;
  date: string | null; // YYYY-MM-DD
  place: string | null;
  notes: string | null;
  updated_at: string;
  updated_by: string;
}
export interface HandoversTable {
  id: Generated<number>;
  house_id: number;
  handed_at: string;
  staff: string;
  checklist: string; // JSON string[]
  keys: string; // JSON {name, qty}[]
  meters: string; // JSON {water, electricity, gas}
  defects: string; // JSON {location, description, ticketId, ticketNo}[]
  signatures: string; // JSON {owner, staff}
  receiver_name: string;
  receiver_phone: string | null;
  notes: string | null;
  status_before: string;
  moved_in_date: string | null; // YYYY-MM-DD
  voided_at: string | null;
  void_reason: string | null;
  void_by: string | null;
  created_at: string;
}
export interface MoveinTables {
  delivery_plans: DeliveryPlansTable;
  handovers: HandoversTable;
}
