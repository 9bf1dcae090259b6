// The FrontDeskApi over HTTP, for the browser harness (development and Playwright tests).
// Same contract, same Result envelope as the Electron preload.
import { buildApi, type FrontDeskApi, type Result } from '../../../shared/contract';

const unreachable: Result<never> = { ok: false, error: { code: 'INTERNAL', message: '无法连接后台服务' } };

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createHttpApi(baseUrl = ''): FrontDeskApi {
  return buildApi(async (channel, input) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return unreachable;
    }
    try {
      const body: unknown = await response.json();
      if (isResult(body)) return body;
    } catch {
      // not JSON: fall through
    }
    return { ok: false, error: { code: 'INTERNAL', message: `后台服务返回了无法识别的应答（HTTP ${response.status}）` } } satisfies Result<never>;
  });
}
