// Not part of the dashboard: bundled by e2e/web/chart-canvas.test.ts to put one ChartCanvas on a bare page.
import { createRoot } from 'react-dom/client';
import type { ChartOption } from './chart';
import { ChartCanvas } from './chart-canvas';

declare global {
  interface Window {
    renderChart(elementId: string, option: ChartOption, label: string): void;
  }
}

window.renderChart = (elementId, option, label) => {
  const host = document.getElementById(elementId);
  if (!host) throw new Error(`no element ${elementId}`);
  createRoot(host).render(<ChartCanvas option={option} label={label} />);
};
