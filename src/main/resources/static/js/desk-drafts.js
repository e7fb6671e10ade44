// A reply being written survives switching tickets, a reload and the composer's live redraws: it is kept in this
// browser (localStorage), per user and ticket, as the agent types, put back whenever the composer appears, and
// removed once sent. Drafts untouched for DRAFT_DAYS are dropped.
(function () {
    'use strict';
    var desk = document.getElementById('desk');
    if (!desk || !desk.dataset.ticketId) {
        return;
    }
    var DRAFT_DAYS = 30;
    var prefix = 'balcao:' + desk.dataset.userId + ':draft:';
    var key = prefix + desk.dataset.ticketId;

    function storage(action) {
        try {
            return action(window.localStorage);
        } catch (unavailable) {
            return null; // private browsing or a full storage: the draft lasts as long as the page
        }
    }

    function read(name) {
        return storage(function (store) { return JSON.parse(store.getItem(name)); });
    }

    function save(text) {
        storage(function (store) {
            if (text.trim()) {
                store.setItem(key, JSON.stringify({ text: text, savedAt: Date.now() }));
            } else {
                store.removeItem(key);
            }
        });
    }

    function dropOldDrafts() {
        var oldest = Date.now() - DRAFT_DAYS * 86400000;
        storage(function (store) {
            Object.keys(store).filter(function (name) { return name.indexOf(prefix) === 0; }).forEach(function (name) {
                var draft = read(name);
                if (!draft || draft.savedAt < oldest) {
                    store.removeItem(name);
                }
            });
        });
    }

    // Puts the draft in an empty composer; keeps the agent's focus and caret when a live redraw replaced it.
    function restore(caret) {
        var box = document.getElementById('reply-text');
        var draft = read(key);
        if (!box || box.value || !draft || !draft.text) {
            return;
        }
        box.value = draft.text;
        box.dispatchEvent(new CustomEvent('desk:composer-filled', { bubbles: true }));
        if (caret !== null) {
            box.focus();
            box.setSelectionRange(caret, caret);
        }
    }

    document.addEventListener('input', function (event) {
        if (event.target.id === 'reply-text') {
            save(event.target.value);
        }
    });

    var caretBeforeRedraw = null;
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        var box = document.getElementById('reply-text');
        if (event.detail.target.id === 'composer') {
            caretBeforeRedraw = box && document.activeElement === box ? box.selectionStart : null;
        }
    });
    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target.id === 'composer') {
            restore(caretBeforeRedraw);
            caretBeforeRedraw = null;
        }
    });
    document.body.addEventListener('htmx:afterRequest', function (event) {
        if (event.target.id === 'reply-form' && event.detail.successful) {
            save('');
        }
    });

    dropOldDrafts();
    restore(null);
})();
