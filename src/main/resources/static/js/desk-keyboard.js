// The Desk's keyboard shortcuts, listed in the help panel that "?" opens (#desk-help). Single letters act only
// while the agent is not typing; Alt+arrows move between tickets from anywhere, the composer included.
(function () {
    'use strict';
    var desk = document.getElementById('desk');
    if (!desk) {
        return;
    }

    function typing(element) {
        return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
    }

    function dialogOpen() {
        return document.querySelector('.modal.show, .offcanvas.show, .dropdown-menu.show') !== null;
    }

    // The next or previous ticket of the list; from no ticket, the first or the last.
    function moveTicket(step) {
        var tickets = Array.prototype.slice.call(document.querySelectorAll('#desk-list .desk-ticket[href]'));
        if (!tickets.length) {
            return;
        }
        var current = tickets.findIndex(function (ticket) { return ticket.dataset.ticketId === desk.dataset.ticketId; });
        var next = current < 0 ? (step > 0 ? 0 : tickets.length - 1)
            : Math.max(0, Math.min(tickets.length - 1, current + step));
        if (next !== current) {
            window.location.href = tickets[next].href;
        }
    }

    function composer() {
        return document.getElementById('reply-text');
    }

    function focusComposer() {
        var box = composer();
        if (box) {
            box.focus();
            box.setSelectionRange(box.value.length, box.value.length);
        }
        return box;
    }

    // Types the "/" that opens the quick replies (quick-replies.js), after a space when text is there already.
    function openQuickReplies() {
        var box = focusComposer();
        if (box) {
            box.setRangeText(/(^|\s)$/.test(box.value) ? '/' : ' /', box.value.length, box.value.length, 'end');
            box.dispatchEvent(new Event('input', { bubbles: true }));
        }
    }

    function showDialog(id) {
        var dialog = document.getElementById(id);
        if (dialog) {
            bootstrap.Modal.getOrCreateInstance(dialog).show();
        }
    }

    var LETTERS = {
        j: function () { moveTicket(1); },
        k: function () { moveTicket(-1); },
        r: focusComposer,
        '/': openQuickReplies,
        c: function () { showDialog('close-dialog'); },
        t: function () { showDialog('transfer-dialog'); },
        '?': function () { showDialog('desk-help'); }
    };

    document.addEventListener('keydown', function (event) {
        if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey) {
            return;
        }
        if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            if (!dialogOpen()) {
                event.preventDefault();
                moveTicket(event.key === 'ArrowDown' ? 1 : -1);
            }
            return;
        }
        // Esc in the composer (quick replies closed) hands the keyboard back to the shortcuts.
        if (event.key === 'Escape' && event.target === composer()) {
            event.target.blur();
            return;
        }
        var action = LETTERS[event.key];
        if (!action || event.altKey || typing(event.target) || dialogOpen()) {
            return;
        }
        event.preventDefault();
        action();
    });
})();
