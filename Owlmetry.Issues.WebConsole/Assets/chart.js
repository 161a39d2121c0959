import { svg } from './dom.js';

// Occurrences per day as bars, oldest day first: the issue page's chart and each stream row's small one. A day without
// any shows as a thin grey line; each bar's tooltip is its day and count.
export function bars(days, { barWidth, height, label }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const width = days.length * barWidth;
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label, class: 'bars' },
    ...days.map((d, i) => {
      const bar = d.count ? Math.max(2, Math.round((d.count / max) * (height - 2))) : 1;
      return svg('rect', { x: i * barWidth + 1, y: height - bar, width: barWidth - 2, height: bar, class: d.count ? 'bar' : 'bar empty' },
        svg('title', null, `${d.date}: ${d.count}`));
    }));
}

export const total = (days) => days.reduce((sum, d) => sum + d.count, 0);
