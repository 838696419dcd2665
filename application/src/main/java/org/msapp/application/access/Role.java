package org.msapp.application.access;

/** What a caller may do beyond acting on their own user and orders. */
public enum Role {
    /** Every authenticated caller: their own user and their own orders. */
    USER,
    /** Everything, including the lists of everyone. */
    ADMIN
}
