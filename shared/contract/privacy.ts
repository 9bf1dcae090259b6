import { z } from 'zod';
import { Id } from './common';
import type { Permission } from './accounts';

// Revealing one masked number (docs/PRIVACY.md): screens show ID numbers and phones masked; 显示 asks
// main for the one number, and main writes an audit line for it. ID numbers need ids.full.

export const PERSON_REVEAL_FIELDS = ['idNumber', 'phone', 'phone2', 'emergencyPhone'] as const;

export const RevealInput = z.discriminatedUnion(
  'subject',
  [
    z.object({ subject: z.literal('person'), id: Id, field: z.enum(PERSON_REVEAL_FIELDS, { message: '请选择要显示的号码' }) }).strict(),
    z.object({ subject: z.literal('ticket'), id: Id, field: z.literal('phone', { message: '请选择要显示的号码' }) }).strict(),
    z.object({ subject: z.literal('handover'), id: Id, field: z.literal('receiverPhone', { message: '请选择要显示的号码' }) }).strict(),
  ],
  { message: '请选择要显示的号码' },
);

export const Revealed = z.object({ value: z.string() });

/** the permission a reveal needs: ID numbers ids.full; phones any signed-in user (callbacks are the counter's work) */
export const revealPermission = (input: unknown): Permission | null =>
  typeof input === 'object' && input !== null && (input as { field?: unknown }).field === 'idNumber' ? 'ids.full' : null;

export const privacyChannels = {
  'privacy.reveal': { input: RevealInput, output: Revealed },
} as const;

export type RevealInputT = z.input<typeof RevealInput>;
