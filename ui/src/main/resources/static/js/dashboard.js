// The dashboard's charts, drawn with Chart.js from the figures the page carries in its
// <script type="application/json" id="dashboard-data"> block (the same figures are in each chart's
// table). Each chart: an id (its canvas has it in data-chart), a kind ("bar", or "stacked" bars),
// its labels and its series.
(function () {
    var data = document.getElementById('dashboard-data');
    if (!data || typeof Chart === 'undefined') {
        return;
    }
    var charts = JSON.parse(data.textContent);
    var colours = ['#0b5c8e', '#1e6b3a', '#a1261b'];
    charts.forEach(function (chart) {
        var canvas = document.querySelector('canvas[data-chart="' + chart.id + '"]');
        if (!canvas) {
            return;
        }
        var stacked = chart.kind === 'stacked';
        new Chart(canvas, {
            type: 'bar',
            data: {
                labels: chart.labels,
                datasets: chart.series.map(function (series, i) {
                    return {
                        label: series.label,
                        data: series.values,
                        backgroundColor: colours[stacked ? i + 1 : 0],
                        borderWidth: 0
                    };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                indexAxis: chart.labels.length > 6 ? 'y' : 'x',
                plugins: { legend: { display: chart.series.length > 1 } },
                scales: {
                    x: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } },
                    y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } }
                }
            }
        });
        canvas.setAttribute('data-drawn', 'true');
    });
})();
