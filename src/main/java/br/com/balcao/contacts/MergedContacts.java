package br.com.balcao.contacts;

/**
 * What another module holds of a contact (tickets, messages, notes, after-hours records), moved when
 * {@link ContactMerge} finds that two contacts are one customer. Each module that owns such rows answers it, so
 * that every table keeps its one writer and contacts does not depend on those modules.
 */
public interface MergedContacts {

    /**
     * Moves to {@code survivorId} every row of the module that belongs to {@code duplicateId}. Called inside the
     * merge's transaction, both contacts locked; the duplicate is deleted after every module has moved its rows.
     */
    void move(long duplicateId, long survivorId);
}
