import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// The renderer sees `window.jointdesk` and nothing else from Electron.
contextBridge.exposeInMainWorld(
  'jointdesk',
  createBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (channel, handler) => {
      ipcRenderer.removeAllListeners(channel);
      ipcRenderer.on(channel, () => handler());
    },
  ),
);
