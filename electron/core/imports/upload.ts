import { MAX_FILE_BYTES, fileError } from './roster/workbook';

/** base64 from the renderer → bytes, refusing an oversized file before decoding it */
export function decodeUpload(dataBase64: string): Buffer {
  if (Math.floor((dataBase64.length * 3) / 4) > MAX_FILE_BYTES + 3) throw fileError('文件超过 20 MB，请删除无关的工作表或图片后再导入');
  return Buffer.from(dataBase64, 'base64');
}
