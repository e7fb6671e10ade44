// The reply composer, on the Desk and in Conversations: Enter sends, Shift+Enter breaks the line (not while the
// quick replies' list is open, where Enter picks one).
(function () {
    'use strict';
    document.addEventListener('keydown', function (event) {
        var box = event.target;
        if (box.id === 'reply-text' && event.key === 'Enter' && !event.shiftKey && !event.isComposing
                && !box.dataset.quickRepliesOpen) {
            event.preventDefault();
            if (box.value.trim()) {
                box.form.requestSubmit();
            }
        }
    });
})();

// While the agent writes, the customer may see "typing…" (if the number shows it): the composer says so at most
// every 20 seconds, WhatsApp showing it for about 25.
(function () {
    'use strict';
    var EVERY_MS = 20000;
    var lastSent = {};
    document.addEventListener('input', function (event) {
        var box = event.target;
        var url = box.id === 'reply-text' && box.form && box.form.dataset.typingUrl;
        if (!url || !box.value.trim() || Date.now() - (lastSent[url] || 0) < EVERY_MS) {
            return;
        }
        lastSent[url] = Date.now();
        var headers = {};
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            headers[header.content] = token.content;
        }
        fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin' }).catch(function () { });
    });
})();
