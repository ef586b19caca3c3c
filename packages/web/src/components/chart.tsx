import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

export type ChartOption = EChartsCoreOption;

export interface ChartProps {
  option: ChartOption;
  /** Read by screen readers instead of the canvas; say what the chart shows and its main figures. */
  label: string;
  height?: number;
  className?: string;
}

// ECharts is most of the dashboard's code; loading it when the first chart is drawn lets figures and tables
// (the overview's KPI numbers) appear before it has arrived.
const ChartCanvas = lazy(() => import('./chart-canvas').then((module) => ({ default: module.ChartCanvas })));

/** A chart, drawn once its code has loaded; until then an empty box of the same size keeps the layout still. */
export function Chart(props: ChartProps) {
  const height = props.height ?? 280;
  return (
    <Suspense fallback={<div className="chart" role="img" aria-label={props.label} style={{ height }} />}>
      <ChartCanvas {...props} />
    </Suspense>
  );
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** ECharts renders tooltip formatter output as HTML; every name from data (event names, touchpoints) goes through this. */
export function escapeForTooltip(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}
