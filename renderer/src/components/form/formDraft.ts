import { useEffect, useRef, useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';

// Drafts of long forms (docs/ARCHITECTURE.md, "Drafts and the leave guard"). The values are kept in
// localStorage as they change and files in IndexedDB; in Electron both live in the user-data
// folder, so a draft outlives leaving the screen, a reload, a crash and a restart.

const PREFIX = 'frontdesk.draft.';

interface Stored {
  version: number;
  savedAt: string;
  values: Record<string, unknown>;
}

/** The kept values of a draft, or null when there are none (or they were written for another version of the form). */
export function readDraft(key: string, version: number): { values: Record<string, unknown>; savedAt: string } | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Stored>;
    if (s.version !== version || !s.values || typeof s.values !== 'object') return null;
    return { values: s.values, savedAt: typeof s.savedAt === 'string' ? s.savedAt : '' };
  } catch {
    return null;
  }
}

export function writeDraft(key: string, version: number, values: Record<string, unknown>): void {
  try {
    const s: Stored = { version, savedAt: new Date().toISOString(), values };
    localStorage.setItem(PREFIX + key, JSON.stringify(s));
  } catch {
    // storage full or unavailable: the form still works, only the draft is not kept
  }
}

export function dropDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing kept, nothing to drop
  }
}

export interface FormDraftOptions<V> {
  /** bump when the form's fields change shape: an older draft is then dropped, not poured into the wrong fields */
  version: number;
  /** whether the values hold anything worth keeping (default: they differ from the form's initial values) */
  hasContent?: (values: V) => boolean;
}

/**
 * Keeps a @mantine/form's values as a draft while it is being filled, and pours them back in when
 * the form mounts again. The draft goes away when the values hold nothing worth keeping any more
 * (the form was saved and reset, or cleared). `restored` says a draft was put back, for a notice.
 */
export function useFormDraft<V extends Record<string, unknown>>(key: string, form: UseFormReturnType<V>, { version, hasContent }: FormDraftOptions<V>) {
  const [restored, setRestored] = useState<{ savedAt: string } | null>(null);
  const tried = useRef(false);
  const worthKeeping = (v: V) => (hasContent ? hasContent(v) : form.isDirty());

  useEffect(() => {
    if (!tried.current) {
      tried.current = true;
      const kept = readDraft(key, version);
      if (kept) {
        // the kept values over the initial ones: a field added since still gets its default
        const values = { ...form.getValues(), ...kept.values } as V;
        if (worthKeeping(values)) {
          form.setValues(values);
          setRestored({ savedAt: kept.savedAt });
          return;
        }
      }
    }
    const values = form.getValues();
    if (worthKeeping(values)) writeDraft(key, version, values);
    else dropDraft(key);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs on every change of the values, by design
  }, [form.values, key, version]);

  return {
    restored,
    /** hides the restored notice */
    dismiss: () => setRestored(null),
    /** forgets the kept draft now (the form may unmount before its emptied values are seen) */
    discard: () => {
      dropDraft(key);
      setRestored(null);
    },
  };
}

// ---- files (photos) in IndexedDB: localStorage holds only strings, and photos are megabytes

const DB_NAME = 'frontdesk-drafts';
const STORE = 'files';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB'));
    });
  } finally {
    db.close();
  }
}

export async function readDraftFiles(key: string): Promise<File[]> {
  try {
    const v = await withStore<unknown>('readonly', (s) => s.get(key));
    return Array.isArray(v) ? v.filter((f): f is File => f instanceof File) : [];
  } catch {
    return [];
  }
}

export async function writeDraftFiles(key: string, files: File[]): Promise<void> {
  try {
    if (files.length) await withStore('readwrite', (s) => s.put(files, key));
    else await withStore('readwrite', (s) => s.delete(key));
  } catch {
    // IndexedDB unavailable: the files stay in memory for this visit only
  }
}

/**
 * Keeps a form's files (e.g. photos) with its draft. `files` is what the form holds now; `onRestore`
 * receives the kept files once, when the form mounts. Returns how many were restored.
 */
export function useDraftFiles(key: string, files: File[], onRestore: (files: File[]) => void): number {
  const [restored, setRestored] = useState(0);
  const loaded = useRef(false);
  const restore = useRef(onRestore);
  restore.current = onRestore;
  const current = useRef(files);
  current.current = files;

  useEffect(() => {
    let live = true;
    void readDraftFiles(key).then((kept) => {
      if (!live) return;
      loaded.current = true;
      if (kept.length) {
        restore.current(kept);
        setRestored(kept.length);
      } else if (current.current.length) {
        // files added while the store was still being read
        void writeDraftFiles(key, current.current);
      }
    });
    return () => {
      live = false;
    };
  }, [key]);

  // written only after the kept files were read back, so an empty start does not erase them
  useEffect(() => {
    if (loaded.current) void writeDraftFiles(key, files);
  }, [key, files]);

  return restored;
}
