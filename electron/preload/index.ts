// Sandboxed preload: exposes exactly one function per contract channel as window.frontdesk.
// Nothing generic (no ipcRenderer, no invoke(channel)) reaches the page. Bundled as CJS with every
// dependency inlined, because a sandboxed preload can require nothing but 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/contract';

contextBridge.exposeInMainWorld(
  'frontdesk',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
