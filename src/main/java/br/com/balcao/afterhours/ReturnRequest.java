package br.com.balcao.afterhours;

/** Whether a contact who wrote after hours asked to be contacted at the next service hour. */
public enum ReturnRequest {
    YES,
    NO,
    /** The number does not offer "Notify the next service hour", so nobody asked. */
    UNKNOWN
}
