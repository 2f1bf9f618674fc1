// The chart of the hazard dashboard. The page carries its figures as JSON (the Content-Security-Policy forbids
// inline scripts); each place's bar is its hazards found: closed, open but within the deadline, and overdue. The
// series' names come from the page (data-* attributes of the chart), in the page's language.
(function () {
  const element = document.getElementById('hazard-data');
  const container = document.getElementById('hazard-chart');
  if (!element || !container || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(element.textContent);
  const series = [
    { key: 'verified', name: container.dataset.verified, color: '#198754' },
    { key: 'open', name: container.dataset.open, color: '#0d6efd' },
    { key: 'overdue', name: container.dataset.overdue, color: '#dc3545' }
  ];
  const chart = echarts.init(container);
  chart.setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: {},
    grid: { left: 50, right: 10, bottom: 70 },
    xAxis: { type: 'category', data: data.names, axisLabel: { rotate: 40 } },
    yAxis: { type: 'value' },
    series: series.map(s => ({ name: s.name, type: 'bar', stack: 'hazards', itemStyle: { color: s.color },
      data: data[s.key] }))
  });
  window.addEventListener('resize', () => chart.resize());
})();
