// Draws the supervisor's bar chart from the page's JSON data block (no inline script: the CSP forbids it).
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.getElementById('monitor-chart');
  var data = document.getElementById('monitor-data');
  if (!canvas || !data || typeof Chart === 'undefined') {
    return;
  }
  var chart = JSON.parse(data.textContent);
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: [
        {label: canvas.dataset.onTime, data: chart.onTime, backgroundColor: '#0d6efd'},
        {label: canvas.dataset.overdue, data: chart.overdue, backgroundColor: '#dc3545'}
      ]
    },
    options: {indexAxis: 'y', animation: false, scales: {x: {stacked: true, ticks: {precision: 0}}, y: {stacked: true}}}
  });
});
