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
