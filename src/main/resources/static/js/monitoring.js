// Monitoring: the figures refresh in place when the server's stream says they changed. Only the parts
// marked data-live are replaced (when different), so the open tab, the scroll and the chart stay put.
(function () {
    'use strict';

    var page = document.getElementById('monitoring');
    if (!page) {
        return;
    }
    var chart = null;
    var loading = false;
    var again = false;

    function series(element, name) {
        var text = element.getAttribute('data-' + name) || '';
        return text ? text.split(',').map(Number) : [];
    }

    function drawChart() {
        var data = document.getElementById('hourly-data');
        var canvas = document.getElementById('hourly-chart');
        if (!data || !canvas || typeof Chart === 'undefined') {
            return;
        }
        var created = series(data, 'created');
        var closed = series(data, 'closed');
        if (chart) {
            chart.data.datasets[0].data = created;
            chart.data.datasets[1].data = closed;
            chart.update('none');
            return;
        }
        var hours = created.map(function (_, hour) { return (hour < 10 ? '0' : '') + hour + 'h'; });
        chart = new Chart(canvas, {
            type: 'bar',
            data: {
                labels: hours,
                datasets: [
                    {label: data.getAttribute('data-created-label'), data: created, backgroundColor: '#0d6efd'},
                    {label: data.getAttribute('data-closed-label'), data: closed, backgroundColor: '#20c997'}
                ]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {y: {beginAtZero: true, ticks: {precision: 0}}},
                plugins: {legend: {position: 'bottom'}}
            }
        });
    }

    function swap(html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        fresh.querySelectorAll('[data-live]').forEach(function (incoming) {
            var current = page.querySelector('[data-live="' + incoming.getAttribute('data-live') + '"]');
            if (!current) {
                return;
            }
            if (current.innerHTML !== incoming.innerHTML) {
                current.innerHTML = incoming.innerHTML;
            }
            Array.prototype.forEach.call(incoming.attributes, function (attribute) {
                if (current.getAttribute(attribute.name) !== attribute.value) {
                    current.setAttribute(attribute.name, attribute.value);
                }
            });
            var card = incoming.closest('.metric');
            var currentCard = current.closest('.metric');
            if (card && currentCard) {
                currentCard.className = card.className;
            }
        });
        drawChart();
    }

    function refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        fetch(page.getAttribute('data-panel'), {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('HTTP ' + response.status);
                }
                return response.text();
            })
            .then(swap)
            .catch(function () { /* the next refresh tries again */ })
            .finally(function () {
                loading = false;
                if (again) {
                    again = false;
                    refresh();
                }
            });
    }

    function listen() {
        var status = document.getElementById('live-status');
        var source = new EventSource(page.getAttribute('data-events'));
        var connectedBefore = false;
        source.addEventListener('ready', function () {
            status.classList.remove('offline');
            if (connectedBefore) {
                refresh(); // whatever changed while the connection was down
            }
            connectedBefore = true;
        });
        source.addEventListener('refresh', refresh);
        source.addEventListener('error', function () {
            status.classList.add('offline');
        });
    }

    drawChart();
    if (window.EventSource) {
        listen();
    }
})();
