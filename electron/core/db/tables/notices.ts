import type { Generated } from 'kysely';

// Kysely table types of the notices domain (its migration: core/db/migrations/0008_notices.ts). Same conventions as schema.ts.
export interface NoticeTemplatesTable {
  id: Generated<number>;
  name: string;
  kind: string;
  title: string;
  body: string;
  fields: string; // JSON string[]
  builtin: Generated<number>;
  voided_at: string | null;
  void_reason: string | null;
  updated_at: string;
  updated_by: string;
}
export interface NoticesTable {
  id: Generated<number>;
  estate_id: number;
  template_id: number | null;
  kind: string;
  no: string;
  year: number;
  seq: number;
  title: string;
  date: string; // YYYY-MM-DD
  values: string; // JSON {name: text}
  audience: string; // JSON Audience
  audience_label: string;
  amounts: string; // JSON {houseId: yuan}
  pages: string; // JSON DocPage[][] (one array per unit)
  issued_at: string;
  issued_by: string;
  voided_at: string | null;
  void_reason: string | null;
}
export interface NoticeHousesTable {
  notice_id: number;
  house_id: number;
  position: number;
  owner: string;
  amount: number | null;
}
export interface NoticesTables {
  notice_templates: NoticeTemplatesTable;
  notices: NoticesTable;
  notice_houses: NoticeHousesTable;
}
