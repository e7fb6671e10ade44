// The Desk's contact card (right column) and the close / transfer dialogs.
(function () {
    'use strict';
    var card = document.getElementById('desk-card');
    var dialogs = document.querySelectorAll('.desk-dialog');

    function showError(container, text) {
        var alert = document.createElement('div');
        alert.className = 'alert alert-danger small py-2 mb-2';
        alert.setAttribute('role', 'alert');
        alert.textContent = text;
        container.replaceChildren(alert);
    }

    if (card) {
        // A form shown again with its errors (422) or a refusal (409) replaces its section like a success
        // does; desk.js must not move it to the composer.
        card.addEventListener('htmx:beforeSwap', function (event) {
            var status = event.detail.xhr.status;
            if (status === 409 || status === 422) {
                event.detail.shouldSwap = true;
                event.detail.isError = false;
                event.stopPropagation();
            }
        });
        card.addEventListener('htmx:responseError', function (event) {
            var section = event.target.closest && event.target.closest('.card-section');
            if (section && event.detail.xhr.status !== 409 && event.detail.xhr.status !== 422) {
                var feedback = section.querySelector('.card-feedback') || document.createElement('div');
                feedback.className = 'card-feedback mt-2';
                section.appendChild(feedback);
                showError(feedback, card.dataset.error);
            }
        });
        card.addEventListener('htmx:afterSwap', function (event) {
            // A saved name shows at once in the conversation header (the list refreshes by itself).
            var contact = document.getElementById('card-contact');
            var header = document.getElementById('conversation-contact-name');
            if (contact && header && contact.dataset.displayName) {
                header.textContent = contact.dataset.displayName;
            }
            if (event.detail.target.id === 'card-notes' && event.detail.xhr.status === 200
                    && event.detail.requestConfig.verb === 'post') {
                var box = document.getElementById('card-note-text');
                if (box) {
                    box.focus();
                }
            }
        });
        // Ctrl+Enter (or Cmd+Enter) adds the note.
        card.addEventListener('keydown', function (event) {
            if (event.target.id === 'card-note-text' && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.target.form.requestSubmit();
            }
        });
    }

    dialogs.forEach(function (dialog) {
        dialog.addEventListener('htmx:beforeSwap', function (event) {
            var form = event.target.closest && event.target.closest('.desk-dialog-form');
            if (!form) {
                return; // the dialog's contents being loaded
            }
            var xhr = event.detail.xhr;
            if (xhr.status >= 200 && xhr.status < 300) {
                // Closed or transferred: the server answers with the Desk; go there.
                event.detail.shouldSwap = false;
                window.location.assign(xhr.responseURL || '/desk');
            } else if (xhr.status === 409) {
                // Refused (no longer yours, not an agent of the number...): the reason, inside the dialog.
                event.detail.shouldSwap = true;
                event.detail.isError = false;
            } else {
                event.detail.shouldSwap = false;
                showError(form.querySelector('.dialog-feedback'), dialog.dataset.error);
            }
            event.stopPropagation();
        });
        dialog.addEventListener('htmx:beforeRequest', function (event) {
            var form = event.target.closest && event.target.closest('.desk-dialog-form');
            if (form) {
                form.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = true; });
            }
        });
        dialog.addEventListener('htmx:sendError', function (event) {
            var form = event.target.closest && event.target.closest('.desk-dialog-form');
            if (form) {
                showError(form.querySelector('.dialog-feedback'), dialog.dataset.error);
            }
        });
        dialog.addEventListener('htmx:afterRequest', function (event) {
            var form = event.target.closest && event.target.closest('.desk-dialog-form');
            if (form && !(event.detail.xhr.status >= 200 && event.detail.xhr.status < 300)) {
                form.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = false; });
            }
        });
    });
})();
