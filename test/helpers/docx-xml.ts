import JSZip from 'jszip';

/** Unzip a .docx and return its parts as text, keyed by path inside the package. */
export async function readDocxParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [path, file] of Object.entries(zip.files)) {
    if (!file.dir && /\.(xml|rels)$/.test(path)) out[path] = await file.async('string');
  }
  return out;
}
