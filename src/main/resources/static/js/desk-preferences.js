// The agent's Desk preferences (tab title count, sound, browser notifications), switched in the user menu and
// kept in this browser's localStorage for this user: there is nothing to share between devices, and a
// browser's notification permission is that browser's anyway. Other Desk scripts read them through
// window.DeskPreferences.
(function () {
    'use strict';
    var desk = document.getElementById('desk');
    if (!desk) {
        return;
    }
    var DEFAULTS = { titleCount: true, sound: true, notifications: false };
    var key = 'balcao:' + desk.dataset.userId + ':desk-preferences';
    var listeners = [];

    function stored() {
        try {
            return JSON.parse(localStorage.getItem(key)) || {};
        } catch (unreadable) {
            return {};
        }
    }

    function get(name) {
        var value = stored()[name];
        return typeof value === 'boolean' ? value : DEFAULTS[name];
    }

    function set(name, value) {
        var preferences = stored();
        preferences[name] = value;
        try {
            localStorage.setItem(key, JSON.stringify(preferences));
        } catch (full) {
            // private browsing or a full storage: the choice lasts for this page only
        }
        listeners.forEach(function (listener) { listener(name, value); });
    }

    function notificationsAllowed() {
        return 'Notification' in window && Notification.permission === 'granted';
    }

    // A switch shows what will happen: notifications count as on only once the browser allows them.
    function showSwitches() {
        document.querySelectorAll('[data-desk-preference]').forEach(function (toggle) {
            var name = toggle.dataset.deskPreference;
            toggle.checked = get(name) && (name !== 'notifications' || notificationsAllowed());
        });
        var blocked = document.getElementById('desk-notifications-blocked');
        if (blocked) {
            blocked.hidden = 'Notification' in window && Notification.permission !== 'denied';
        }
    }

    // Turning notifications on asks the browser's permission; this click is the gesture browsers require.
    function switchNotifications(on) {
        if (!on || notificationsAllowed() || !('Notification' in window)) {
            set('notifications', on && notificationsAllowed());
            showSwitches();
            return;
        }
        Notification.requestPermission().then(function (permission) {
            set('notifications', permission === 'granted');
            showSwitches();
        });
    }

    document.addEventListener('change', function (event) {
        var name = event.target.dataset && event.target.dataset.deskPreference;
        if (!name) {
            return;
        }
        if (name === 'notifications') {
            switchNotifications(event.target.checked);
        } else {
            set(name, event.target.checked);
        }
    });

    showSwitches();
    window.DeskPreferences = {
        get: get,
        notificationsAllowed: notificationsAllowed,
        onChange: function (listener) { listeners.push(listener); }
    };
})();
