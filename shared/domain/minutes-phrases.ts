/**
 * Standard phrases of a 会议纪要, insertable from the editor toolbar. `text` is the opening to insert;
 * "……" marks where the drafter continues.
 */
export interface StandardPhrase {
  key: string;
  label: string;
  text: string;
}

export const STANDARD_PHRASES: readonly StandardPhrase[] = [
  { key: 'heard', label: '会议听取了', text: '会议听取了……的汇报。' },
  { key: 'studied', label: '会议研究了', text: '会议研究了……有关事项。' },
  { key: 'considered', label: '会议认为', text: '会议认为，……' },
  { key: 'agreed', label: '会议议定', text: '会议议定，……' },
  { key: 'required', label: '会议要求', text: '会议要求，……' },
  { key: 'emphasised', label: '会议强调', text: '会议强调，……' },
  { key: 'pointed', label: '会议指出', text: '会议指出，……' },
  { key: 'consented', label: '会议同意', text: '会议同意……' },
  { key: 'decided', label: '会议决定', text: '会议决定，……' },
] as const;

export function findStandardPhrase(key: string): StandardPhrase | undefined {
  return STANDARD_PHRASES.find((p) => p.key === key);
}
