// Kysely table types of the renovation domain (its migration: core/db/migrations/0009_renovation.ts).
// Same conventions as schema.ts: instants UTC ISO text, days "YYYY-MM-DD", JSON lists as text, money in 分.
import type { Generated } from 'kysely';

export interface RenovationsTable {
  id: Generated<number>;
  house_id: number;
  /** ZX2026-0007: per-year sequence, the year of registration in China time */
  permit_no: string;
  applicant: string;
  applicant_phone: string | null;
  contractor: string;
  contractor_contact: string | null;
  contractor_phone: string | null;
  /** JSON [{name, idNo, phone}] */
  workers: string;
  start_date: string;
  end_date: string;
  scope: string;
  /** JSON string[] */
  items: string;
  /** 分 */
  deposit: number;
  /** JSON [{name, amount 分}] */
  fees: string;
  /** JSON null | {location, from, to, operator, certificateNo, guardian, measures} */
  hot_work: string | null;
  /** JSON [{date, by, findings, result, at}] */
  inspections: string;
  started_at: string | null;
  house_status_before: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  acceptance_note: string | null;
  /** JSON null | {amount 分, deducted 分, reason, at, by} */
  refund: string | null;
  status: string;
  voided_at: string | null;
  void_reason: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface MoveOutPassesTable {
  id: Generated<number>;
  house_id: number;
  /** FX2026-0031 */
  pass_no: string;
  applicant: string;
  phone: string | null;
  relation: string;
  /** JSON [{name, qty}] */
  items: string;
  plate: string | null;
  valid_from: string;
  valid_to: string;
  approver: string;
  approved_at: string;
  checked_at: string | null;
  checked_by: string | null;
  voided_at: string | null;
  void_reason: string | null;
  created_at: string;
  created_by: string;
}

export interface RenovationTables {
  renovations: RenovationsTable;
  move_out_passes: MoveOutPassesTable;
}
