/**
 * echarts with only what the statistics page draws (bar, line and pie charts on canvas, with grid, tooltip,
 * legend, mark line and aria). Imported dynamically by stat-chart.tsx, so it becomes a chunk of its own that
 * only the 统计 route loads — never part of the app's main bundle.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export const { init } = echarts;
export type { EChartsType } from 'echarts/core';
