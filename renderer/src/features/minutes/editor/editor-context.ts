import { createContext, useContext } from 'react';

export interface EditorUnit {
  id: string;
  name: string;
  archived?: boolean;
}

export interface MinutesEditorContextValue {
  units: readonly EditorUnit[];
}

/** Units for the resolution cards (node views render inside EditorContent, so React context reaches them). */
export const MinutesEditorContext = createContext<MinutesEditorContextValue>({ units: [] });

export function useMinutesEditorContext(): MinutesEditorContextValue {
  return useContext(MinutesEditorContext);
}
