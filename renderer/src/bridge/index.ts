import type { FrontDeskApi } from '../../../shared/contract';
import { createHttpApi } from './http-bridge';

declare global {
  interface Window {
    /** set by the Electron preload (contextBridge); absent in the browser harness */
    frontdesk?: FrontDeskApi;
  }
}

/**
 * The renderer's only door to main. In Electron it is the preload's contextBridge object;
 * served by the test harness it is the HTTP bridge. Both implement the same FrontDeskApi.
 */
export const api: FrontDeskApi = window.frontdesk ?? createHttpApi();
