import { App } from 'antd';
import { useState } from 'react';
import type { ImportIssue, ValidatedUnitsPeople } from '../../../../../shared/import/types';
import { validateUnitsPeople } from '../../../../../shared/import/units-people';
import { getDataLayer } from '../../../db';
import { buildUnitsPeopleTemplate, MAX_XLSX_BYTES, readUnitsPeopleWorkbook } from '../../../lib/xlsx';
import { getHost } from '../../../platform';
import { errorText } from '../../../ui';
import { useUnitsText } from '../shared/labels';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'issues'; fileName: string; issues: ImportIssue[] }
  | { phase: 'confirm'; fileName: string; value: ValidatedUnitsPeople; importing: boolean };

/**
 * 导入 and 下载导入模板. Pick → read → validate the whole file → either list every issue (nothing is
 * written) or confirm with counts and a preview → one all-or-nothing importer call.
 */
export function useUnitsPeopleImport() {
  const { t } = useUnitsText();
  const { modal, message } = App.useApp();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const [reading, setReading] = useState(false);
  const xlsxFilter = { name: t('import.pickFilter'), extensions: ['xlsx'] };

  const showFailure = (title: string, error: unknown): void => {
    void modal.error({ title, content: errorText(error, t), okText: t('common.close') });
  };

  const start = async (): Promise<void> => {
    if (reading || state.phase !== 'idle') return;
    let picked;
    try {
      picked = await getHost().openFile({ filters: [xlsxFilter], maxBytes: MAX_XLSX_BYTES });
    } catch (error) {
      showFailure(t('import.readFailedTitle'), error);
      return;
    }
    if (picked.canceled) return;
    const fileName = picked.name;
    setReading(true);
    const hide = message.loading(t('import.reading', { name: fileName }), 0);
    try {
      const sheets = await readUnitsPeopleWorkbook(picked.bytes, { fileName });
      // Units in use only: the importer resolves 所属单位 among them, and an archived namesake may be re-created.
      const existing = await getDataLayer().units.list();
      const result = validateUnitsPeople(
        sheets,
        existing.map((u) => u.name),
      );
      if (!result.ok) setState({ phase: 'issues', fileName, issues: result.issues });
      else if (result.value.units.length === 0 && result.value.people.length === 0)
        void message.warning(t('import.nothingToImport'));
      else setState({ phase: 'confirm', fileName, value: result.value, importing: false });
    } catch (error) {
      showFailure(t('import.readFailedTitle'), error);
    } finally {
      hide();
      setReading(false);
    }
  };

  const confirm = async (): Promise<void> => {
    if (state.phase !== 'confirm' || state.importing) return;
    setState({ ...state, importing: true });
    try {
      const done = await getDataLayer().importer.unitsAndPeople(state.value);
      setState({ phase: 'idle' });
      void message.success(t('import.success', { units: done.units, people: done.people }));
    } catch (error) {
      setState({ phase: 'idle' });
      showFailure(t('import.failedTitle'), error);
    }
  };

  const close = (): void => {
    if (state.phase === 'confirm' && state.importing) return;
    setState({ phase: 'idle' });
  };

  const downloadTemplate = async (): Promise<void> => {
    try {
      const bytes = await buildUnitsPeopleTemplate();
      const saved = await getHost().saveFile({
        suggestedName: t('import.templateFileName'),
        bytes,
        filters: [xlsxFilter],
      });
      if (saved.saved) void message.success(t('import.templateSaved'));
    } catch (error) {
      void message.error(t('import.templateFailed', { message: errorText(error, t) }));
    }
  };

  return { state, reading, start, confirm, close, downloadTemplate };
}
