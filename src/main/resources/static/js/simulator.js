// The customer simulator: keeps the phone-style thread live and scrolled to the newest message.
(function () {
    'use strict';
    var chat = document.getElementById('simulator');
    if (!chat) {
        return;
    }
    var thread = document.getElementById('sim-thread');
    var scrollToEnd = function () { thread.scrollTop = thread.scrollHeight; };
    scrollToEnd();

    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target === thread) {
            scrollToEnd();
        }
    });
    // A refused message (422) shows the thread with the reason on top, and what was typed stays in the box.
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        var source = event.detail.requestConfig && event.detail.requestConfig.elt;
        if (source && source.id === 'sim-composer' && event.detail.xhr.status === 422) {
            event.detail.shouldSwap = true;
        }
    });
    document.getElementById('sim-composer').addEventListener('htmx:afterRequest', function (event) {
        if (event.detail.successful) {
            event.target.reset();
            document.getElementById('sim-text').focus();
        }
    });

    var source = new EventSource(chat.dataset.events);
    source.addEventListener('changed', function () {
        htmx.trigger(document.body, 'sim-refresh');
    });
})();
