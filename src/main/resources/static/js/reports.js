// Reports: the two charts over the periods, drawn from the data attributes the page carries.
(function () {
    'use strict';

    var data = document.getElementById('report-data');
    if (!data || typeof Chart === 'undefined') {
        return;
    }

    function series(name) {
        var text = data.getAttribute('data-' + name) || '';
        return text ? text.split(',').map(function (value) { return value === '' ? null : Number(value); }) : [];
    }

    function dataset(name, color) {
        return {label: data.getAttribute('data-' + name + '-label'), data: series(name), backgroundColor: color,
            borderColor: color, spanGaps: true};
    }

    var labels = (data.getAttribute('data-labels') || '').split(',');
    var options = {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {y: {beginAtZero: true, ticks: {precision: 0}}},
        plugins: {legend: {position: 'bottom'}}
    };
    new Chart(document.getElementById('tickets-chart'), {
        type: 'bar',
        data: {labels: labels, datasets: [dataset('created', '#0d6efd'), dataset('closed', '#20c997'),
            dataset('abandoned', '#fd7e14'), dataset('lost', '#dc3545')]},
        options: options
    });
    new Chart(document.getElementById('times-chart'), {
        type: 'line',
        data: {labels: labels, datasets: [dataset('first', '#6f42c1'), dataset('response', '#0dcaf0'),
            dataset('service', '#198754')]},
        options: options
    });
    new Chart(document.getElementById('satisfaction-chart'), {
        type: 'bar',
        data: {labels: labels, datasets: [dataset('good', '#198754'), dataset('ok', '#ffc107'),
            dataset('bad', '#dc3545')]},
        options: Object.assign({}, options, {scales: {x: {stacked: true},
            y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}})
    });
}());
