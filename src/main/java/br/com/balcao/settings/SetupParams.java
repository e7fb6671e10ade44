package br.com.balcao.settings;

import br.com.balcao.numbers.NumberSettings.NumberForm;
import br.com.balcao.settings.NumberSettingsController.NumberParams;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The first-run setup form as typed: the first admin, then the first WhatsApp number. The password's rules are
 * the first admin's, checked when it is created.
 */
record SetupParams(
        @NotBlank(message = "{form.required}") @Size(max = 120, message = "{form.tooLong}") String name,
        @NotBlank(message = "{form.required}") @Size(max = 254, message = "{form.tooLong}") String email,
        @NotBlank(message = "{form.required}") String password,
        @NotBlank(message = "{form.required}") String passwordConfirmation,
        @NotBlank(message = "{form.required}") @Size(max = 80, message = "{form.tooLong}") String numberName,
        @NotBlank(message = "{form.required}") @Size(max = 32, message = "{form.tooLong}") String displayPhone,
        @NotBlank(message = "{form.required}") @Size(max = 64, message = "{form.tooLong}") String phoneNumberId,
        @NotBlank(message = "{form.required}") String timeZone) {

    static final SetupParams BLANK = new SetupParams("", "", "", "", "", "", "",
            NumberSettingsController.NEW_NUMBER.zone().getId());

    /**
     * The number as the settings page would create it, open 24 hours: with no service hours yet, it would
     * otherwise answer every customer as after hours until an admin set them.
     */
    NumberForm number() {
        return NumberParams.newNumber(numberName, displayPhone, phoneNumberId, timeZone, true).toForm();
    }
}
