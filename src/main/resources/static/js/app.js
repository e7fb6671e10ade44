// Behaviour shared by every page. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
    'use strict';

    // Selects marked js-autosubmit (number selector, status switch) submit their form on change.
    document.addEventListener('change', function (event) {
        var target = event.target;
        if (target.matches && target.matches('select.js-autosubmit') && target.form) {
            target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
        }
    });

    // htmx requests carry the CSRF token like the forms do.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });
})();
