// Live counters under inputs with data-max-chars: characters as people see them (an emoji or an accented
// letter is one), the same count the server applies. The counter is the element named by aria-describedby.
(function () {
    'use strict';

    var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(undefined, {granularity: 'grapheme'}) : null;

    function visibleLength(text) {
        var value = text.normalize ? text.normalize('NFC').trim() : text.trim();
        if (segmenter) {
            var count = 0;
            for (var ignored of segmenter.segment(value)) { count++; }
            return count;
        }
        return Array.from(value).length;
    }

    function update(input) {
        var counter = document.getElementById(input.getAttribute('aria-describedby'));
        if (!counter) { return; }
        var max = parseInt(input.getAttribute('data-max-chars'), 10);
        var length = visibleLength(input.value);
        counter.textContent = length + '/' + max;
        var over = length > max;
        counter.classList.toggle('text-danger', over);
        counter.classList.toggle('fw-semibold', over);
        input.classList.toggle('is-invalid', over);
    }

    document.querySelectorAll('[data-max-chars]').forEach(function (input) {
        update(input);
        input.addEventListener('input', function () { update(input); });
    });
})();
