package br.com.balcao.settings;

import br.com.balcao.numbers.NumberSettings.NumberForm;
import br.com.balcao.settings.NumberSettingsController.NumberParams;

/** The first-run setup form as typed: the first admin, then the first WhatsApp number. */
record SetupParams(String name, String email, String password, String passwordConfirmation, String numberName,
        String displayPhone, String phoneNumberId, String timeZone) {

    static final SetupParams BLANK = new SetupParams("", "", "", "", "", "", "",
            NumberSettingsController.NEW_NUMBER.zone().getId());

    /**
     * The number as the settings page would create it, open 24 hours: with no service hours yet, it would
     * otherwise answer every customer as after hours until an admin set them.
     */
    NumberForm number() {
        return NumberParams.newNumber(numberName, displayPhone, phoneNumberId, timeZone, true).toForm();
    }

    /** What the page shows again after a refusal: everything but the passwords. */
    SetupParams withoutPasswords() {
        return new SetupParams(name, email, "", "", numberName, displayPhone, phoneNumberId, timeZone);
    }
}
