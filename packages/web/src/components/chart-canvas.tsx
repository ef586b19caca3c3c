import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, SankeyChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartProps } from './chart';

// Only the chart types the dashboard draws are bundled; the whole of ECharts would triple the download.
echarts.use([
  BarChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  PieChart,
  SankeyChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/**
 * One ECharts canvas. The option is applied whole on every change (notMerge), so what is drawn is always exactly
 * what the caller passed. Text shown by ECharts is drawn on canvas, never parsed as HTML, except tooltips, whose
 * formatters must escape (see escapeForTooltip).
 */
export function ChartCanvas({ option, label, height = 280, className }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // ECharts' aria component writes a generated description into the container's aria-label unless it is given
    // one, which would replace the caller's text alternative.
    const aria = { enabled: true, label: { enabled: true, description: label } };
    // No animation: replacing a chart's option while its previous animation still runs left zrender elements
    // without a transform, and a pointer event over them threw (seen in browser tests on a busy machine); it also
    // spares people who get dizzy from motion.
    chart.current?.setOption({ animation: false, ...option, aria }, { notMerge: true });
  }, [option, label]);

  return (
    <div
      ref={element}
      className={className ? `chart ${className}` : 'chart'}
      role="img"
      aria-label={label}
      style={{ height }}
    />
  );
}
