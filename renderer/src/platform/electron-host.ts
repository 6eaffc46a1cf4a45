import { type JointDeskBridge } from '../../../shared/ipc/contract';
import { decodePiiKey } from '../../../shared/security/pii-seal';
import { formatBytes } from './file-rules';
import { DEFAULT_MAX_OPEN_BYTES, type Host } from './host';
import { HostError, unwrapIpc } from './host-error';
import { hostText } from './host-text';

/** The IPC contract takes bytes over a plain ArrayBuffer; copy only views over a SharedArrayBuffer. */
function onArrayBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** The host inside Electron: every call goes through the narrow preload bridge. */
export function createElectronHost(bridge: JointDeskBridge): Host {
  return {
    kind: 'electron',
    async saveFile({ suggestedName, bytes, filters }) {
      const out = unwrapIpc(await bridge.files.saveAs({ suggestedName, bytes: onArrayBuffer(bytes), filters }));
      return out.path === undefined ? { saved: out.saved } : { saved: out.saved, path: out.path };
    },
    async openFile({ filters, maxBytes = DEFAULT_MAX_OPEN_BYTES }) {
      const out = unwrapIpc(await bridge.files.open({ filters }));
      if (out.canceled || out.bytes === undefined || out.name === undefined) return { canceled: true };
      if (out.bytes.byteLength > maxBytes) {
        throw new HostError(
          hostText('tooLarge', {
            name: out.name,
            size: formatBytes(out.bytes.byteLength),
            limit: formatBytes(maxBytes),
          }),
        );
      }
      return { canceled: false, name: out.name, bytes: out.bytes };
    },
    async appInfo() {
      const info = unwrapIpc(await bridge.app.info());
      return {
        version: info.version,
        dataPath: info.dataPath,
        platform: info.platform,
        runtime: `Electron ${info.electron}`,
      };
    },
    async printToPdf({ route, suggestedName }) {
      const out = unwrapIpc(await bridge.print.toPdf({ route, suggestedName }));
      return out.path === undefined ? { saved: out.saved } : { saved: out.saved, path: out.path };
    },
    async revealFile(path) {
      unwrapIpc(await bridge.files.reveal({ path }));
    },
    backups: {
      storage: 'folder',
      async keep({ fileName, bytes }) {
        const out = unwrapIpc(await bridge.backup.write({ name: fileName, bytes: onArrayBuffer(bytes) }));
        return { saved: true, path: out.path, removed: out.removed };
      },
      async folder() {
        return unwrapIpc(await bridge.backup.list());
      },
      async readFromFolder(name) {
        return unwrapIpc(await bridge.backup.read({ name })).bytes;
      },
      async openFile() {
        const out = unwrapIpc(await bridge.backup.openFile());
        if (out.canceled || out.bytes === undefined || out.name === undefined) return { canceled: true };
        return { canceled: false, name: out.name, bytes: out.bytes };
      },
      async chooseFolder() {
        return unwrapIpc(await bridge.backup.chooseDir());
      },
      async setRetention(retention) {
        return unwrapIpc(await bridge.backup.setRetention(retention));
      },
      async revealFolder() {
        unwrapIpc(await bridge.backup.revealDir());
      },
      async quarantineDatabase() {
        return unwrapIpc(await bridge.backup.quarantineDb());
      },
      async preOpenCopies() {
        return unwrapIpc(await bridge.backup.preOpenList());
      },
      async restorePreOpenCopy(id) {
        unwrapIpc(await bridge.backup.preOpenRestore({ id }));
      },
      onQuitRequest(handler) {
        bridge.backup.onQuitRequest(() => {
          handler().then(
            () => bridge.backup.quitDone({ ok: true }),
            () => bridge.backup.quitDone({ ok: false }),
          );
        });
      },
    },
    audit: {
      async key() {
        const { key } = unwrapIpc(await bridge.audit.key());
        return Uint8Array.from(atob(key), (c) => c.charCodeAt(0));
      },
      async readHead() {
        const out = unwrapIpc(await bridge.audit.head());
        return out.problem === undefined ? { head: out.head } : { head: out.head, problem: out.problem };
      },
      async setHead(head) {
        return unwrapIpc(await bridge.audit.setHead(head)).head;
      },
      async resetHead(head) {
        return unwrapIpc(await bridge.audit.resetHead(head)).head;
      },
    },
    pii: {
      async publicKey() {
        return decodePiiKey(unwrapIpc(await bridge.pii.publicKey()).publicKey);
      },
      async open(sealed, context) {
        const topicId = context?.topicId?.slice(0, 100) || undefined;
        const reason = context?.reason?.slice(0, 500);
        return unwrapIpc(
          await bridge.pii.open({
            sealed,
            ...(topicId !== undefined ? { topicId } : {}),
            ...(reason !== undefined ? { reason } : {}),
          }),
        ).json;
      },
    },
  };
}
