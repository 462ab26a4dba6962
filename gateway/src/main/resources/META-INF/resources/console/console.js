// Draws the console's charts from data-* attributes: the pages carry no inline script (Content-Security-Policy).
(function () {
  'use strict';
  const palette = { before: '#8a94a6', after: '#2150c8', bars: '#2150c8', planned: '#8a94a6', spent: '#2150c8' };

  function parse(el, name) {
    return JSON.parse(el.getAttribute('data-' + name) || '[]');
  }

  function beforeAfter(canvas) {
    const currency = canvas.getAttribute('data-currency') || '';
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: parse(canvas, 'labels'),
        datasets: [
          { label: 'Before', data: parse(canvas, 'before').map(Number), backgroundColor: palette.before },
          { label: 'After', data: parse(canvas, 'after').map(Number), backgroundColor: palette.after }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'Spend (' + currency + ')' } } }
      }
    });
  }

  function bars(canvas) {
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: parse(canvas, 'labels'),
        datasets: [{ label: canvas.getAttribute('data-series') || '', data: parse(canvas, 'values').map(Number),
          backgroundColor: palette.bars }]
      },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  // Cumulative spend against the plan: the plan as a dashed line over the whole period, spend up to today.
  function pacing(canvas) {
    const currency = canvas.getAttribute('data-currency') || '';
    const number = function (v) { return v === null ? null : Number(v); };
    return new Chart(canvas, {
      type: 'line',
      data: {
        labels: parse(canvas, 'labels'),
        datasets: [
          { label: 'Planned', data: parse(canvas, 'planned').map(number), borderColor: palette.planned,
            borderDash: [6, 4], pointRadius: 0, fill: false },
          { label: 'Spent', data: parse(canvas, 'spent').map(number), borderColor: palette.spent,
            backgroundColor: palette.spent, pointRadius: 2, fill: false, spanGaps: false }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'Cumulative spend (' + currency + ')' } } }
      }
    });
  }

  // A fitted response curve with today's and the proposed spend marked on it.
  function curve(canvas) {
    const currency = canvas.getAttribute('data-currency') || '';
    const spend = parse(canvas, 'spend');
    const outcome = parse(canvas, 'outcome');
    const point = function (x, y) { return [{ x: Number(canvas.getAttribute('data-' + x)), y: Number(canvas.getAttribute('data-' + y)) }]; };
    return new Chart(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'Fitted response', data: spend.map(function (x, i) { return { x: Number(x), y: Number(outcome[i]) }; }),
            showLine: true, pointRadius: 0, borderColor: palette.planned, fill: false },
          { label: 'Today', data: point('today', 'today-value'), backgroundColor: palette.before, borderColor: palette.before, pointRadius: 6, pointStyle: 'rectRot' },
          { label: 'Proposed', data: point('proposed', 'proposed-value'), backgroundColor: palette.after, borderColor: palette.after, pointRadius: 6 }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { beginAtZero: true, title: { display: true, text: 'Spend over the period (' + currency + ')' } },
          y: { beginAtZero: true, title: { display: true, text: 'Attributed value' } }
        }
      }
    });
  }

  // Intervals as floating bars from low to high, the point estimate (and, in a track record, the realised value) as
  // points on them: an experiment's uplift intervals per variant, a track record's forecasts per decision.
  function intervals(canvas, points) {
    const lows = parse(canvas, 'lows');
    const highs = parse(canvas, 'highs');
    const number = function (v) { return v === null ? null : Number(v); };
    const datasets = [{ type: 'bar', label: canvas.getAttribute('data-series') || '90 % interval',
      data: lows.map(function (low, i) { return [Number(low), Number(highs[i])]; }),
      backgroundColor: 'rgba(33, 80, 200, 0.25)', borderColor: palette.after, borderWidth: 1, order: 2 }];
    points.forEach(function (p) {
      datasets.push({ type: 'line', label: p.label, data: parse(canvas, p.name).map(number), showLine: false,
        pointRadius: 5, pointStyle: p.style, backgroundColor: p.colour, borderColor: p.colour, order: 1 });
    });
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: parse(canvas, 'labels'), datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { title: { display: true, text: canvas.getAttribute('data-axis') || '' } } }
      }
    });
  }

  // Okabe and Ito's colour-blind-safe palette, for charts with one series per variant or per model.
  const series = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

  // Each variant's share of a period's units, stacked to 100 %: traffic shares over time.
  function stackedShares(canvas) {
    const lines = JSON.parse(canvas.getAttribute('data-series') || '[]');
    return new Chart(canvas, {
      type: 'line',
      data: {
        labels: parse(canvas, 'labels'),
        datasets: lines.map(function (line, i) {
          const colour = series[i % series.length];
          return { label: line.label, data: line.data.map(function (v) { return v === null ? null : Number(v); }),
            borderColor: colour, backgroundColor: colour + '99', fill: i === 0 ? 'origin' : '-1', pointRadius: 3,
            stepped: false };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { stacked: true, min: 0, max: 100,
          title: { display: true, text: canvas.getAttribute('data-axis') || '' } } }
      }
    });
  }

  // One bar per category and series side by side: attribution credit per channel for each model.
  function groupedBars(canvas) {
    const groups = JSON.parse(canvas.getAttribute('data-series') || '[]');
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: parse(canvas, 'labels'),
        datasets: groups.map(function (group, i) {
          return { label: group.label, data: group.data.map(Number), backgroundColor: series[i % series.length] };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: canvas.getAttribute('data-axis') || '' } } }
      }
    });
  }

  function draw() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.getAttribute('data-drawn')) {
        return;
      }
      const kind = canvas.getAttribute('data-chart');
      if (kind === 'before-after') {
        beforeAfter(canvas);
      } else if (kind === 'bars') {
        bars(canvas);
      } else if (kind === 'pacing') {
        pacing(canvas);
      } else if (kind === 'curve') {
        curve(canvas);
      } else if (kind === 'intervals') {
        intervals(canvas, [{ name: 'estimates', label: 'Estimate', style: 'circle', colour: palette.after }]);
      } else if (kind === 'stacked-shares') {
        stackedShares(canvas);
      } else if (kind === 'grouped-bars') {
        groupedBars(canvas);
      } else if (kind === 'track-record') {
        intervals(canvas, [
          { name: 'forecasts', label: 'Forecast', style: 'circle', colour: palette.after },
          { name: 'realised', label: 'Realised', style: 'rectRot', colour: '#a4161a' }]);
      }
      canvas.setAttribute('data-drawn', 'true');
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
