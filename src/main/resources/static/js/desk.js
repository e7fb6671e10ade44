// The Desk: live list and timeline over server-sent events, the composer's height, waiting times.
(function () {
    'use strict';
    var desk = document.getElementById('desk');
    if (!desk) {
        return;
    }
    var ticketId = desk.dataset.ticketId || null;
    var contactId = desk.dataset.contactId || null;
    var lang = document.documentElement.lang || 'pt-BR';

    function refresh(what) {
        htmx.trigger(document.body, 'desk-refresh-' + what);
    }

    function scrollTimelineToEnd() {
        var timeline = document.getElementById('timeline');
        if (timeline) {
            timeline.scrollTop = timeline.scrollHeight;
        }
    }

    // Live updates. The browser reconnects by itself; after a drop, everything is fetched again so that
    // nothing missed in between is lost.
    var source = new EventSource(desk.dataset.events);
    var dropped = false;
    source.addEventListener('changed', function (message) {
        var event = JSON.parse(message.data);
        refresh('list');
        var concernsOpenTicket = ticketId && (String(event.ticketId) === ticketId || String(event.contactId) === contactId);
        if (!concernsOpenTicket) {
            return;
        }
        if (event.kind === 'DetailsChanged') {
            refreshCard();
            return;
        }
        var markOnly = event.kind === 'MessageStatusChanged' || event.kind === 'ReactionChanged';
        if (!markOnly) {
            refresh('header'); // the event that redraws the list (e.g. the first reply: ASSIGNED to OPEN)
        }
        if (event.kind === 'MessageReceived' || event.kind === 'MessageQueued') {
            appendNewMessages();
        } else if (markOnly && atBottom()) {
            refresh('timeline');
        }
        if (!markOnly && event.kind !== 'MessageQueued') {
            refresh('composer');
        }
    });

    // Tags and notes changed (here or by a colleague): the card is drawn again, but not under the agent's
    // fingers: while they type in it, the refresh waits until the focus leaves the card.
    var cardRefreshPending = false;
    function refreshCard() {
        var card = document.getElementById('desk-card');
        var active = document.activeElement;
        if (card && active && active !== document.body && card.contains(active)) {
            cardRefreshPending = true;
            return;
        }
        refresh('card');
    }
    document.addEventListener('focusout', function (event) {
        var card = document.getElementById('desk-card');
        if (cardRefreshPending && card && card.contains(event.target) && !card.contains(event.relatedTarget)) {
            cardRefreshPending = false;
            setTimeout(refreshCard, 0);
        }
    });

    // New messages are appended after the last one shown, so that history the agent scrolled back to stays.
    function appendNewMessages() {
        var inner = document.querySelector('#timeline .timeline-inner');
        var rows = inner ? inner.querySelectorAll('.msg-row') : [];
        var last = rows.length ? rows[rows.length - 1] : null;
        if (!last) {
            refresh('timeline');
            return;
        }
        var follow = atBottom();
        htmx.ajax('GET', '/desk/tickets/' + ticketId + '/timeline?after=' + last.dataset.messageId,
            { target: inner, swap: 'beforeend' }).then(function () {
                if (follow) {
                    scrollTimelineToEnd();
                }
            });
    }

    function atBottom() {
        var timeline = document.getElementById('timeline');
        return !timeline || timeline.scrollTop + timeline.clientHeight >= timeline.scrollHeight - 80;
    }

    source.addEventListener('error', function () { dropped = true; });
    source.addEventListener('open', function () {
        if (dropped) {
            dropped = false;
            refresh('list');
            if (ticketId) {
                refresh('header');
                refresh('timeline');
                refresh('composer');
            }
        }
    });

    // The box grows with the text (Enter sends: composer.js).
    // The box grows by its rows, not by an inline height: htmx copies the style attribute of an element it
    // redraws onto the new one, and the Content-Security-Policy (style-src 'self') refuses it there.
    var MAX_ROWS = 8;
    function fitComposer(box) {
        box.rows = 1;
        while (box.rows < MAX_ROWS && box.scrollHeight > box.clientHeight) {
            box.rows++;
        }
    }
    ['input', 'desk:composer-filled'].forEach(function (type) {
        document.addEventListener(type, function (event) {
            if (event.target.id === 'reply-text') {
                fitComposer(event.target);
            }
        });
    });

    // A refused reply (window expired, ticket no longer yours) shows its reason above the composer.
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        if (event.detail.xhr.status === 409) {
            event.detail.shouldSwap = true;
            event.detail.isError = false;
            event.detail.target = document.getElementById('composer-feedback');
        }
    });
    document.body.addEventListener('htmx:afterRequest', function (event) {
        if (event.target.id === 'reply-form' && event.detail.successful) {
            event.target.reset();
            document.getElementById('composer-feedback').innerHTML = '';
            var box = document.getElementById('reply-text');
            fitComposer(box);
            box.focus();
        }
    });
    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target.id === 'timeline') {
            scrollTimelineToEnd();
        }
        removeRepeatedDaySeparators();
        showWaitingTimes();
    });

    // Pages of messages each start with their day; where two pages meet on the same day, keep one.
    function removeRepeatedDaySeparators() {
        var seen = null;
        document.querySelectorAll('#timeline .day-separator').forEach(function (separator) {
            var day = separator.textContent.trim();
            if (day === seen) {
                separator.remove();
            }
            seen = day;
        });
    }

    // "waiting 3 min": how long the customer has been waiting for the agent.
    var relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    function showWaitingTimes() {
        document.querySelectorAll('.waiting-since[data-since]').forEach(function (element) {
            var minutes = Math.round((Date.now() - Date.parse(element.dataset.since)) / 60000);
            element.textContent = element.dataset.label || element.textContent;
            element.dataset.label = element.dataset.label || element.textContent;
            element.textContent = element.dataset.label + ' ' + (minutes < 60
                ? relative.format(-minutes, 'minute') : relative.format(-Math.round(minutes / 60), 'hour'));
        });
    }
    showWaitingTimes();
    setInterval(showWaitingTimes, 30000);
    scrollTimelineToEnd();
})();
