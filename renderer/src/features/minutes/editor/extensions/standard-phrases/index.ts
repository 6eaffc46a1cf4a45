import { Extension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { findStandardPhrase } from '../../../../../../../shared/domain/minutes-phrases';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    standardPhrases: {
      /** Inserts the phrase at the cursor (replacing the selection) and selects its "……" so the drafter types over it. */
      insertStandardPhrase: (key: string) => ReturnType;
    };
  }
}

const PLACEHOLDER = '……';

export const StandardPhrases = Extension.create({
  name: 'standardPhrases',
  addCommands() {
    return {
      insertStandardPhrase:
        (key) =>
        ({ tr, state, dispatch }) => {
          const phrase = findStandardPhrase(key);
          if (!phrase) return false;
          const { from, to, $from } = state.selection;
          // not in text (e.g. a resolution card is selected): refuse rather than replace a block
          if (!$from.parent.isTextblock) return false;
          if (dispatch) {
            tr.insertText(phrase.text, from, to);
            const at = phrase.text.indexOf(PLACEHOLDER);
            if (at >= 0) {
              tr.setSelection(TextSelection.create(tr.doc, from + at, from + at + PLACEHOLDER.length));
            } else {
              tr.setSelection(TextSelection.create(tr.doc, from + phrase.text.length));
            }
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },
});
