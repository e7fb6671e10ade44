package br.com.balcao.afterhours;

import java.time.Instant;

/** One line of the after-hours list. */
record AfterHoursRow(long id, long numberId, long contactId, String name, String phone, Instant contactAt,
        ReturnRequest returnRequested, Instant messageSentAt, String sentByName) {

    public boolean messageSent() {
        return messageSentAt != null;
    }
}
