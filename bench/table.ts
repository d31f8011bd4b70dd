// The figures as a person reads them: value, spread, budget, verdict.
import { BUDGETS } from './budgets';
import { FIGURES, headline, type Figure, type FigureSpec, type Results } from './figures';
import type { Spread } from './lib/stats';

const number = (x: number, unit: FigureSpec['unit']) =>
  unit === 'B' ? `${x} B` : unit === '×' ? `${x.toFixed(2)}×` : `${x.toFixed(unit === 'ms' && x >= 100 ? 0 : 2)} ms`;

function value(figure: Figure, unit: FigureSpec['unit']): string {
  if (typeof figure === 'number') return number(figure, unit);
  return `p50 ${number(figure.p50, unit)} · p95 ${number(figure.p95, unit)}`;
}

const range = (s: Spread | undefined, unit: FigureSpec['unit']) =>
  s ? `${number(s.min, unit)} … ${number(s.max, unit)}, n=${s.n}` : '';
const ci = (s: Spread | undefined, unit: FigureSpec['unit']) =>
  s ? `${number(s.median_ci95[0], unit)} … ${number(s.median_ci95[1], unit)}` : '';

function verdict(spec: FigureSpec, figure: Figure | undefined): string {
  if (spec.pending && figure === undefined) return 'not yet measurable';
  if (figure === undefined) return 'NOT MEASURED';
  const max = BUDGETS[spec.key];
  if (max === undefined) return '';
  return headline(figure) <= max ? 'ok' : 'OVER BUDGET';
}

export function table(results: Results): string {
  const rows = FIGURES.map((spec) => {
    const figure = results[spec.key] as Figure | undefined;
    const max = BUDGETS[spec.key];
    return [
      spec.label,
      figure === undefined ? '—' : value(figure, spec.unit),
      range(results.spread[spec.key], spec.unit),
      ci(results.spread[spec.key], spec.unit),
      max === undefined ? '' : `≤ ${number(max, spec.unit)}`,
      verdict(spec, figure),
    ];
  });
  const all = [['figure', 'value', 'samples: min … max', 'median: 95% CI', 'budget', ''], ...rows];
  const widths = all[0]!.map((_, col) => Math.max(...all.map((row) => row[col]!.length)));
  return all.map((row) => row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd()).join('\n');
}
