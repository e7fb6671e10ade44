// Desk Conversations: live refresh of the contact page, jump to a search hit, the no-history dialog, and the
// ticket's composer (templates/fragments/composer.html, shared with the Desk) answering into this page's timeline.
(function () {
    'use strict';

    var page = document.getElementById('conversation');
    if (!page) {
        return;
    }
    var contactId = page.dataset.contactId;
    var timeline = document.getElementById('timeline');
    var inner = document.getElementById('timeline-inner');

    function refresh() {
        htmx.trigger(document.body, 'conversations-refresh');
    }

    function atBottom() {
        return timeline.scrollTop + timeline.clientHeight >= timeline.scrollHeight - 80;
    }

    function toBottom() {
        timeline.scrollTop = timeline.scrollHeight;
    }

    function lastMessageId() {
        var rows = inner.querySelectorAll('.msg-row');
        return rows.length ? rows[rows.length - 1].dataset.messageId : null;
    }

    // New messages go after the last one shown (unless the page shows an older stretch, with "newer" below).
    function appendNewMessages() {
        var last = lastMessageId();
        if (inner.querySelector('.load-newer')) {
            return;
        }
        if (!last) {
            window.location.reload();
            return;
        }
        var follow = atBottom();
        htmx.ajax('GET', page.dataset.timelineUrl + '?after=' + last, { target: inner, swap: 'beforeend' })
            .then(function () {
                tidy();
                htmx.trigger(document.body, 'conversations-tickets');
                if (follow) {
                    toBottom();
                }
            });
    }

    // The tickets' states as they are now (sent hidden below the timeline) replace those drawn with the messages.
    function showTicketStates(root) {
        root.querySelectorAll('[data-ticket-state]').forEach(function (source) {
            document.querySelectorAll('#timeline-inner .ticket-state-' + source.dataset.ticketState)
                .forEach(function (state) {
                    state.textContent = source.textContent;
                });
        });
    }

    var source = new EventSource(page.dataset.events);
    var dropped = false;
    source.addEventListener('changed', function (message) {
        var event = JSON.parse(message.data);
        var aboutContact = String(event.contactId) === contactId;
        if (aboutContact && (event.kind === 'MessageReceived' || event.kind === 'MessageQueued')) {
            appendNewMessages();
        }
        if (aboutContact && event.kind === 'ReactionChanged' && document.getElementById('reactions-' + event.messageId)) {
            htmx.ajax('GET', page.dataset.timelineUrl.replace(/timeline$/, 'messages/' + event.messageId + '/reactions'),
                { target: '#reactions-' + event.messageId, swap: 'outerHTML' });
        }
        if (event.kind !== 'MessageStatusChanged' && event.kind !== 'MessageQueued'
                && event.kind !== 'ReactionChanged') {
            refresh();
        }
    });
    source.addEventListener('error', function () { dropped = true; });
    source.addEventListener('open', function () {
        if (dropped) {
            dropped = false;
            refresh();
            appendNewMessages();
        }
    });

    // Where pages meet, the same ticket or day is announced once.
    function tidy() {
        [['.ticket-boundary', function (el) { return el.dataset.ticket; }],
         ['.day-separator', function (el) { return el.textContent.trim(); }]].forEach(function (rule) {
            var seen = null;
            inner.querySelectorAll(rule[0]).forEach(function (element) {
                var key = rule[1](element);
                if (key === seen) {
                    element.remove();
                }
                seen = key;
            });
        });
    }

    // A reply sent with the Desk's composer answers the Desk's ticket timeline: show this page's instead.
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        var source = event.detail.requestConfig && event.detail.requestConfig.elt;
        if (source && source.id === 'reply-form') {
            event.detail.shouldSwap = false;
            if (event.detail.xhr.status === 409) {
                document.getElementById('composer-feedback').innerHTML = event.detail.serverResponse;
            } else {
                source.reset();
                document.getElementById('composer-feedback').innerHTML = '';
                appendNewMessages();
            }
        } else if (event.detail.xhr.status === 409 && source && source.closest('#composer')) {
            event.detail.shouldSwap = false;
            var feedback = document.getElementById('transfer-feedback');
            if (feedback) {
                feedback.innerHTML = event.detail.serverResponse;
            }
        }
    });
    // A failed message sent again: its refusal shows above the composer; once queued, it waits to be sent (the page
    // redraws existing messages only when reloaded).
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        var source = event.detail.requestConfig && event.detail.requestConfig.elt;
        if (source && source.classList.contains('msg-resend') && event.detail.xhr.status === 409) {
            event.detail.shouldSwap = true;
            event.detail.isError = false;
        }
    });
    document.body.addEventListener('htmx:afterRequest', function (event) {
        var source = event.detail.elt;
        if (source && source.classList.contains('msg-resend') && event.detail.successful) {
            var row = source.closest('.msg');
            var icon = row.querySelector('.msg-status');
            if (icon) {
                icon.className = 'bi msg-status bi-clock';
            }
            source.closest('.msg-error').remove();
        }
    });
    document.body.addEventListener('active-message-sent', function () {
        appendNewMessages();
        setTimeout(refresh, 1500);
    });
    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (inner.contains(event.detail.target) || event.detail.target === inner) {
            tidy();
        }
        if (event.detail.target.id === 'timeline-tickets') {
            showTicketStates(event.detail.target);
        }
        showDialog(event.detail.target);
    });


    // Timeline search results close with their button.
    document.addEventListener('click', function (event) {
        if (event.target.closest && event.target.closest('.matches-close')) {
            document.getElementById('timeline-matches').innerHTML = '';
        }
    });

    // No history: the dialog opens by itself once.
    function showDialog(root) {
        var dialog = root && root.querySelector && root.querySelector('[data-auto-show]');
        if (dialog && !dialog.dataset.shown) {
            dialog.dataset.shown = 'true';
            bootstrap.Modal.getOrCreateInstance(dialog).show();
        }
    }

    tidy();
    showDialog(document);
    var target = page.dataset.at && document.getElementById('m' + page.dataset.at);
    if (target) {
        target.scrollIntoView({ block: 'center' });
    } else {
        toBottom();
    }
})();

// The search page: the placeholder follows what is searched.
(function () {
    'use strict';
    var input = document.getElementById('search-q');
    if (!input) {
        return;
    }
    document.addEventListener('change', function (event) {
        if (event.target.name === 'in') {
            input.placeholder = event.target.value === 'messages'
                ? input.dataset.placeholderMessages : input.dataset.placeholderContacts;
            input.focus();
        }
    });
})();
