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
  /** The option to draw once the box has a size (see `hasRoom`). */
  const waiting = useRef<echarts.EChartsCoreOption | null>(null);

  useEffect(() => {
    const box = element.current;
    if (!box) return;
    const instance = echarts.init(box, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      if (!hasRoom(box)) return;
      instance.resize();
      if (waiting.current) {
        instance.setOption(waiting.current, { notMerge: true });
        waiting.current = null;
      }
    });
    observer.observe(box);
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
    // No animation: it spares people who get dizzy from motion, and a chart is never caught half-drawn.
    const full = { animation: false, ...option, aria };
    const box = element.current;
    if (box && hasRoom(box)) {
      waiting.current = null;
      chart.current?.setOption(full, { notMerge: true });
    } else waiting.current = full;
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

/**
 * ECharts lays a Sankey out in a view whose scale is the box's size over itself: in a box of width or height 0
 * (not laid out yet, or hidden) that is 0/0, the view's matrix cannot be inverted and drawing throws. Such a box
 * waits for the resize that gives it room.
 */
function hasRoom(box: HTMLElement): boolean {
  return box.clientWidth > 0 && box.clientHeight > 0;
}
