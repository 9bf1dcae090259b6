// The channels a shell's print engine answers (core/documents/print-service.ts). Both shells load the
// print service on the first of these calls, not at start (docs/PERFORMANCE.md, "Start").
import type { PrintHandlers } from '../core';

// a Record, so a channel added to PrintHandlers must be listed here too
const channels: Record<keyof PrintHandlers, true> = {
  'documents.print.preview': true,
  'documents.print.print': true,
  'documents.print.save': true,
  'documents.batch.start': true,
  'documents.batch.status': true,
  'documents.batch.cancel': true,
  'documents.batch.save': true,
  'documents.printers.list': true,
};

export const PRINT_CHANNELS = Object.keys(channels) as (keyof PrintHandlers)[];
