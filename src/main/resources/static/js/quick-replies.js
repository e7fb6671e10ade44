// Quick replies in the Desk composer: "/" at the start of the text (or after a space or a line break) opens
// a list of replies, grouped by category and filtered by title as the agent types; arrows move, Enter, Tab
// or a click insert the reply's text in place of "/query", Esc closes. While the list is open Enter never
// sends, even when nothing matches. The list is built from JSON with
// text nodes only, so nothing in a reply is ever read as HTML.
(function () {
    'use strict';

    // "/" at the start or after a space or line break, then the query: nothing yet, or words not starting with a space.
    var TRIGGER = /(^|\s)\/((?:[^\s\/][^\n\/]{0,39})?)$/;
    var state = {
        open: false,
        start: -1,      // index of the "/" in the textarea
        query: '',
        options: [],    // [{element, reply}]
        active: -1,
        dismissedAt: -1, // a "/" the agent closed with Esc: it does not reopen until typed again
        sequence: 0,
        timer: null,
        pending: false,       // a search is on its way
        insertWhenReady: false // Enter came before the answer: insert the first reply when it arrives
    };

    function box() { return document.getElementById('reply-text'); }
    function popup() { return document.getElementById('quick-replies'); }

    // Lower case without accents, character by character, keeping a map back to the original positions.
    function fold(text) {
        var folded = '';
        var map = [];
        for (var i = 0; i < text.length; i++) {
            var piece = text[i].normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
            for (var j = 0; j < piece.length; j++) {
                folded += piece[j];
                map.push(i);
            }
        }
        return { text: folded, map: map };
    }

    // The title as text nodes, with the part that matched the query in <mark>.
    function highlighted(title, query) {
        var fragment = document.createDocumentFragment();
        var needle = fold(query.trim()).text;
        var haystack = fold(title);
        var at = needle ? haystack.text.indexOf(needle) : -1;
        if (at < 0) {
            fragment.appendChild(document.createTextNode(title));
            return fragment;
        }
        var from = haystack.map[at];
        var to = haystack.map[at + needle.length - 1] + 1;
        fragment.appendChild(document.createTextNode(title.slice(0, from)));
        var mark = document.createElement('mark');
        mark.textContent = title.slice(from, to);
        fragment.appendChild(mark);
        fragment.appendChild(document.createTextNode(title.slice(to)));
        return fragment;
    }

    function setOpen(open) {
        var element = popup();
        var textarea = box();
        state.open = open;
        if (element && !open) {
            element.hidden = true; // shown by render(), once there is something to show
        }
        if (!textarea) {
            return;
        }
        if (open) {
            textarea.dataset.quickRepliesOpen = 'true';
        } else {
            delete textarea.dataset.quickRepliesOpen;
            textarea.removeAttribute('aria-activedescendant');
            state.options = [];
            state.active = -1;
            state.start = -1;
        }
    }

    function close() {
        clearTimeout(state.timer);
        state.sequence++;
        state.pending = false;
        state.insertWhenReady = false;
        if (state.open) {
            setOpen(false);
        }
    }

    function activate(index) {
        var textarea = box();
        if (!state.options.length || !textarea) {
            return;
        }
        state.active = (index + state.options.length) % state.options.length;
        state.options.forEach(function (option, i) {
            var selected = i === state.active;
            option.element.setAttribute('aria-selected', selected ? 'true' : 'false');
            option.element.classList.toggle('active', selected);
        });
        var current = state.options[state.active].element;
        textarea.setAttribute('aria-activedescendant', current.id);
        current.scrollIntoView({ block: 'nearest' });
    }

    function render(answer) {
        var element = popup();
        var list = document.getElementById('quick-replies-list');
        var empty = document.getElementById('quick-replies-empty');
        var status = document.getElementById('quick-replies-status');
        if (!element || !list) {
            return;
        }
        list.textContent = '';
        state.options = [];
        element.hidden = false;
        answer.groups.forEach(function (group) {
            var wrapper = document.createElement('div');
            wrapper.setAttribute('role', 'group');
            var heading = document.createElement('div');
            heading.className = 'quick-replies-category';
            heading.id = 'qr-category-' + group.categoryId;
            heading.setAttribute('role', 'presentation');
            heading.textContent = group.category;
            wrapper.setAttribute('aria-labelledby', heading.id);
            wrapper.appendChild(heading);
            group.replies.forEach(function (reply) {
                var option = document.createElement('div');
                option.className = 'quick-reply-option';
                option.id = 'qr-option-' + reply.id;
                option.setAttribute('role', 'option');
                option.setAttribute('aria-selected', 'false');
                var title = document.createElement('span');
                title.className = 'quick-reply-title';
                title.appendChild(highlighted(reply.title, state.query));
                var text = document.createElement('span');
                text.className = 'quick-reply-text';
                text.textContent = reply.text;
                option.appendChild(title);
                option.appendChild(text);
                option.dataset.index = String(state.options.length);
                wrapper.appendChild(option);
                state.options.push({ element: option, reply: reply });
            });
            list.appendChild(wrapper);
        });
        var count = state.options.length;
        list.hidden = count === 0;
        if (empty) {
            empty.hidden = count > 0;
            empty.textContent = (element.dataset.emptyText || '').replace('{0}', state.query.trim());
        }
        if (status) {
            status.textContent = count === 0 ? (empty ? empty.textContent : '')
                : (count === 1 ? element.dataset.countOneText || '' : element.dataset.countText || '')
                    .replace('{0}', String(count));
        }
        if (count > 0) {
            activate(0);
        } else {
            box().removeAttribute('aria-activedescendant');
            state.active = -1;
        }
    }

    function fetchSuggestions() {
        var element = popup();
        if (!element) {
            return;
        }
        var ticket = ++state.sequence;
        state.pending = true;
        var url = element.dataset.url + '?q=' + encodeURIComponent(state.query.trim());
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('HTTP ' + response.status);
                }
                return response.json();
            })
            .then(function (answer) {
                if (ticket !== state.sequence || !state.open) {
                    return; // an older answer, or the popup closed meanwhile
                }
                state.pending = false;
                // A "/" followed by words that match nothing was most likely not meant for the popup.
                if (answer.groups.length === 0 && /\s/.test(state.query)) {
                    close();
                    return;
                }
                render(answer);
                if (state.insertWhenReady) {
                    state.insertWhenReady = false;
                    if (state.options.length) {
                        insertOption(0);
                    }
                }
            })
            .catch(function () {
                if (ticket !== state.sequence || !state.open) {
                    return;
                }
                state.pending = false;
                state.insertWhenReady = false;
                render({ groups: [] });
                var empty = document.getElementById('quick-replies-empty');
                if (empty) {
                    empty.textContent = element.dataset.errorText || '';
                }
            });
    }

    // Looks at the text before the caret: "/query" there opens (or filters) the popup.
    function update() {
        var textarea = box();
        if (!textarea || !popup()) {
            return;
        }
        if (textarea.selectionStart !== textarea.selectionEnd) {
            close();
            return;
        }
        var before = textarea.value.slice(0, textarea.selectionStart);
        var match = TRIGGER.exec(before);
        if (!match) {
            state.dismissedAt = -1;
            close();
            return;
        }
        var start = before.length - match[2].length - 1;
        if (start === state.dismissedAt) {
            return;
        }
        var changed = !state.open || state.start !== start || state.query !== match[2];
        state.start = start;
        state.query = match[2];
        if (!state.open) {
            setOpen(true);
        }
        if (changed) {
            clearTimeout(state.timer);
            state.pending = true;
            state.insertWhenReady = false;
            state.timer = setTimeout(fetchSuggestions, 120);
        }
    }

    function insertOption(index) {
        var start = state.start;
        var textarea = box();
        var option = state.options[index];
        if (!textarea || !option || start < 0) {
            return;
        }
        var end = textarea.selectionStart;
        close();
        textarea.focus();
        textarea.setRangeText(option.reply.text, start, end, 'end');
        state.dismissedAt = -1;
        // Let the composer grow with the new text (desk.js listens to input).
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }

    // Captured before desk.js's own keydown, so that Enter inserts instead of sending.
    document.addEventListener('keydown', function (event) {
        if (event.target.id !== 'reply-text' || !state.open || event.isComposing) {
            return;
        }
        var hasOptions = state.options.length > 0;
        switch (event.key) {
            case 'ArrowDown':
            case 'ArrowUp':
                if (hasOptions) {
                    event.preventDefault();
                    activate(state.active + (event.key === 'ArrowDown' ? 1 : -1));
                }
                break;
            case 'Enter':
            case 'Tab':
                if (event.shiftKey) {
                    close(); // Shift+Enter breaks the line, Shift+Tab moves back
                    break;
                }
                if (!hasOptions && !state.pending && event.key === 'Tab') {
                    close(); // nothing to insert: Tab moves on
                    break;
                }
                // With the list open Enter never sends: it inserts the highlighted reply, or does nothing
                // when none matches (Esc closes the list, then Enter sends).
                event.preventDefault();
                event.stopPropagation();
                if (state.pending) {
                    state.insertWhenReady = true;
                } else if (hasOptions && state.active >= 0) {
                    insertOption(state.active);
                }
                break;
            case 'Escape':
                event.preventDefault();
                event.stopPropagation();
                state.dismissedAt = state.start;
                close();
                break;
            default:
        }
    }, true);

    document.addEventListener('input', function (event) {
        if (event.target.id === 'reply-text') {
            update();
        }
    });

    // Moving the caret with the mouse or Home/End may leave the "/query": look again.
    document.addEventListener('click', function (event) {
        if (event.target.id === 'reply-text') {
            update();
        }
    });
    document.addEventListener('keyup', function (event) {
        if (event.target.id === 'reply-text' && (event.key === 'ArrowLeft' || event.key === 'ArrowRight'
                || event.key === 'Home' || event.key === 'End')) {
            update();
        }
    });

    document.addEventListener('focusout', function (event) {
        if (event.target.id === 'reply-text') {
            close();
        }
    });

    // A click on an option inserts it; mousedown is stopped so that the textarea keeps the focus.
    document.addEventListener('mousedown', function (event) {
        if (event.target.closest && event.target.closest('#quick-replies')) {
            event.preventDefault();
        }
    });
    document.addEventListener('click', function (event) {
        var option = event.target.closest && event.target.closest('#quick-replies .quick-reply-option');
        if (option) {
            insertOption(Number(option.dataset.index));
        }
    });

    // The composer is swapped by htmx (a sent reply, a live refresh): start over with the new one.
    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target && event.detail.target.id === 'composer') {
            state.open = false;
            state.options = [];
            state.active = -1;
            state.start = -1;
            state.dismissedAt = -1;
        }
    });
    document.body.addEventListener('htmx:afterRequest', function (event) {
        if (event.target.id === 'reply-form') {
            close();
            state.dismissedAt = -1;
        }
    });
})();
