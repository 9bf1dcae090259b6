import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../../../shared/contract/result';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { bytesToBase64 } from '../../components/base64';

export type Phase = 'pick' | 'parsing' | 'preview' | 'done';

async function call<T>(p: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await p();
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '与后台的连接中断，请重试' } };
  }
}

/** Why a picked file may not be a workbook, added to main's message when the name says so. */
function extensionHint(fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xls') return '这是旧版 .xls 文件：请在 Excel 中“另存为” .xlsx 格式后再导入。';
  if (ext === 'csv') return '这是 CSV 文本文件：请在 Excel 中“另存为” .xlsx 格式后再导入。';
  if (ext === 'et' || ext === 'wps') return '这是 WPS 表格文件：请在 WPS 中“另存为” .xlsx 格式后再导入。';
  if (ext !== 'xlsx') return '请选择扩展名为 .xlsx 的 Excel 工作簿。';
  return null;
}

/** What a flow needs from main: the four channels of one import kind (imports.roster.* / imports.ledger.*). */
export interface ImportOps<P extends { token: string }, M, R> {
  preview(fileName: string, dataBase64: string): Promise<Result<P>>;
  remap(token: string, mapping: M): Promise<Result<P>>;
  commit(token: string): Promise<Result<R>>;
  report(token: string): Promise<Result<{ fileName: string; dataBase64: string }>>;
}

/**
 * An Excel import flow: read the file in the browser, let main parse and preview it,
 * re-preview when the column mapping changes, commit all-or-nothing, export the report.
 */
export function useImportFlow<P extends { token: string; mapping: M }, M, R>(ops: ImportOps<P, M, R>) {
  const [phase, setPhase] = useState<Phase>('pick');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [result, setResult] = useState<R | null>(null);
  /** a failure to show in place (file unreadable, commit refused...), not just as a toast */
  const [error, setError] = useState<{ title: string; message: string; hint?: string | null } | null>(null);
  const [remapping, setRemapping] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const seq = useRef(0);

  const pickFile = useCallback(
    async (file: File) => {
      const mine = ++seq.current;
      setFileName(file.name);
      setError(null);
      setResult(null);
      setPhase('parsing');
      let dataBase64: string;
      try {
        dataBase64 = bytesToBase64(await file.arrayBuffer());
      } catch {
        if (mine !== seq.current) return;
        setPhase(preview ? 'preview' : 'pick');
        setError({ title: '无法读取文件', message: `读取“${file.name}”失败，文件可能已被移动或正被其他程序占用。` });
        return;
      }
      if (file.size === 0 || dataBase64 === '') {
        setPhase(preview ? 'preview' : 'pick');
        setError({ title: '文件为空', message: `“${file.name}”没有内容。` });
        return;
      }
      const r = await call(() => ops.preview(file.name, dataBase64));
      if (mine !== seq.current) return;
      if (r.ok) {
        setPreview(r.value);
        setPhase('preview');
      } else {
        // the previous preview (if any) stays usable: nothing is lost by a bad pick
        setPhase(preview ? 'preview' : 'pick');
        setError({
          title: `无法导入“${file.name}”`,
          message: r.error.message,
          hint: r.error.code === 'FILE' || r.error.code === 'VALIDATION' ? extensionHint(file.name) : null,
        });
      }
    },
    [ops, preview],
  );

  const remap = useCallback(
    async (mapping: M) => {
      if (!preview) return;
      const mine = ++seq.current;
      setRemapping(true);
      setError(null);
      // show the choice at once; the counts follow when main answers
      setPreview({ ...preview, mapping });
      const r = await call(() => ops.remap(preview.token, mapping));
      if (mine !== seq.current) return;
      setRemapping(false);
      if (r.ok) setPreview(r.value);
      else {
        setPreview(preview);
        setError({ title: '无法按新的对应关系预览', message: r.error.message });
      }
    },
    [ops, preview],
  );

  const commit = useCallback(async (): Promise<boolean> => {
    if (!preview) return false;
    setCommitting(true);
    setError(null);
    const r = await call(() => ops.commit(preview.token));
    setCommitting(false);
    if (r.ok) {
      setResult(r.value);
      setPhase('done');
      return true;
    }
    setError({ title: '导入未完成，数据没有任何改动', message: r.error.message });
    return false;
  }, [ops, preview]);

  const exportReport = useCallback(async () => {
    if (!preview) return;
    setExporting(true);
    const r = await call(() => ops.report(preview.token));
    const saved = r.ok ? await call(() => api['system.files.save'](r.value)) : r;
    setExporting(false);
    if (!saved.ok) {
      setError({ title: '报告未能保存', message: saved.error.message });
      return;
    }
    if (saved.value.saved) showSaved(saved.value.path ? `报告已保存：${saved.value.path}` : '报告已保存');
  }, [ops, preview]);

  const reset = useCallback(() => {
    ++seq.current;
    setPhase('pick');
    setPreview(null);
    setResult(null);
    setError(null);
    setFileName(null);
  }, []);

  return { phase, fileName, preview, result, error, setError, remapping, committing, exporting, pickFile, remap, commit, exportReport, reset };
}
