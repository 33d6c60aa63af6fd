package org.dicommeta.domain;

/** No instance of that SOP Instance UID is stored. Nothing was written. */
public class InstanceNotFoundException extends NotFoundException {

    public InstanceNotFoundException(String sopInstanceUid) {
        super("No instance with SOP Instance UID " + sopInstanceUid + " is stored", sopInstanceUid);
    }

    public String sopInstanceUid() {
        return what();
    }
}
