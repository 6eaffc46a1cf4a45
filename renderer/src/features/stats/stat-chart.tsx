import { PictureOutlined } from '@ant-design/icons';
import { App, Button, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getHost } from '../../platform';
import { useReportError } from '../../ui';
import type { EChartsType } from './echarts';

/** Bytes of a `data:image/png;base64,…` URL. */
export function dataUrlBytes(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export interface StatChartProps {
  title: string;
  option: Record<string, unknown>;
  /** Suggested file name of the PNG. */
  pngName: string;
  height?: number;
  testId?: string;
}

/**
 * One chart: echarts (loaded on first draw) on a canvas, redrawn when the option changes and resized with its
 * box, and a 另存为图片 button that saves it as PNG through the host (a download in the browser, a save
 * dialog in Electron).
 */
export function StatChart({ title, option, pngName, height = 320, testId }: StatChartProps) {
  const { t } = useTranslation('stats');
  const { message } = App.useApp();
  const reportError = useReportError();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts').then(({ init }) => {
      if (disposed || !box.current) return;
      chart.current = init(box.current, undefined, { renderer: 'canvas' });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
      setReady(true);
    }, reportError);
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, [reportError]);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  const save = async () => {
    const c = chart.current;
    if (!c) return;
    try {
      const bytes = dataUrlBytes(c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }));
      const result = await getHost().saveFile({
        suggestedName: pngName,
        bytes,
        filters: [{ name: t('pngFilter'), extensions: ['png'] }],
      });
      if (result.saved) void message.success(t('pngSaved', { name: pngName }));
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <div className="jd-stat-chart" data-testid={testId}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button
          size="small"
          icon={<PictureOutlined aria-hidden />}
          disabled={!ready}
          title={t('savePngHint', { title })}
          aria-label={t('savePngHint', { title })}
          onClick={() => void save()}
        >
          {t('savePng')}
        </Button>
      </div>
      <div style={{ position: 'relative', height }}>
        {!ready ? <Skeleton active aria-label={t('chartLoading')} /> : null}
        <div ref={box} role="img" aria-label={title} style={{ position: 'absolute', inset: 0 }} />
      </div>
    </div>
  );
}
