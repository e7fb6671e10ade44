// Contacts pages: the import's progress bar, extra field rows on the contact page, and the after-hours list's
// row refresh after an active message. No inline scripts or styles (CSP): widths are set through the CSSOM.
(function () {
    'use strict';

    function sizeProgressBars(root) {
        (root.querySelectorAll ? root.querySelectorAll('.progress-bar[data-percent]') : []).forEach(function (bar) {
            bar.style.width = Math.max(0, Math.min(100, Number(bar.dataset.percent) || 0)) + '%';
        });
    }

    document.addEventListener('click', function (event) {
        var add = event.target.closest && event.target.closest('#add-extra-field');
        if (!add) {
            return;
        }
        var rows = document.querySelectorAll('#extra-fields .extra-field');
        var last = rows[rows.length - 1];
        var copy = last.cloneNode(true);
        copy.querySelectorAll('input').forEach(function (input) {
            input.value = '';
        });
        last.parentNode.appendChild(copy);
        copy.querySelector('input').focus();
    });

    // An active message sent from an after-hours line: show that line again, now with "Message sent?" = yes.
    document.addEventListener('active-message-sent', function (event) {
        var panel = event.target.closest && event.target.closest('.after-hours-panel');
        if (!panel || !window.htmx) {
            return;
        }
        var id = panel.dataset.rowId;
        htmx.ajax('GET', '/after-hours/' + encodeURIComponent(id) + '/row',
            {target: '#ah-row-' + id, swap: 'outerHTML'});
    });

    document.addEventListener('htmx:load', function (event) {
        sizeProgressBars(event.detail.elt);
    });
    sizeProgressBars(document);
})();
