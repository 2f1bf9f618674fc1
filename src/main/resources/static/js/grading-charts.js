// Charts of the grading pages. The pages carry their figures as JSON (the Content-Security-Policy forbids inline
// scripts) and the grades' names in the chart's data-grade-a … data-grade-d attributes; this file draws them with
// ECharts.
(function () {
  function data(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function draw(containerId, option) {
    const container = document.getElementById(containerId);
    if (!container || typeof echarts === 'undefined') {
      return;
    }
    const chart = echarts.init(container);
    chart.setOption(option(grade => container.dataset['grade' + grade]));
    window.addEventListener('resize', () => chart.resize());
  }

  const history = data('history-data');
  if (history) {
    draw('history-chart', name => ({
      grid: { left: 40, right: 40, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { data: [history.gradeLabel, history.scoreLabel] },
      xAxis: { type: 'time' },
      yAxis: [{ type: 'category', data: ['D', 'C', 'B', 'A'].map(name) }, { type: 'value' }],
      series: [
        { name: history.gradeLabel, type: 'line', step: 'end', yAxisIndex: 0,
          data: history.dates.map((d, i) => [d, name(history.grades[i])]) },
        { name: history.scoreLabel, type: 'line', yAxisIndex: 1,
          data: history.dates.map((d, i) => [d, history.scores[i]]) }
      ]
    }));
  }

  const distribution = data('distribution-data');
  if (distribution) {
    const colors = { A: '#dc3545', B: '#fd7e14', C: '#0d6efd', D: '#198754' };
    draw('distribution-chart', name => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: {},
      grid: { left: 40, right: 10, bottom: 60 },
      xAxis: { type: 'category', data: distribution.names, axisLabel: { rotate: 40 } },
      yAxis: { type: 'value' },
      series: ['A', 'B', 'C', 'D'].map(g => ({ name: name(g), type: 'bar', stack: 'grade',
        itemStyle: { color: colors[g] }, data: distribution.counts[g] }))
    }));
  }
})();
