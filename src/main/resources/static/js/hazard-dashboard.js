// The chart of the hazard dashboard. The page carries its figures as JSON (the Content-Security-Policy forbids
// inline scripts); each place's bar is its hazards found: closed, open but within the deadline, and overdue.
(function () {
  const element = document.getElementById('hazard-data');
  const container = document.getElementById('hazard-chart');
  if (!element || !container || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(element.textContent);
  const series = [
    { key: 'verified', name: '已销号', color: '#198754' },
    { key: 'open', name: '未销号（未逾期）', color: '#0d6efd' },
    { key: 'overdue', name: '逾期', color: '#dc3545' }
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
