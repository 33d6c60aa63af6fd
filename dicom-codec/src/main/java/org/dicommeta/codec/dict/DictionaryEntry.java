package org.dicommeta.codec.dict;

import java.util.List;
import org.dicommeta.codec.VR;

/**
 * One data dictionary entry.
 *
 * @param tag     the tag; for repeating groups the first one (e.g. 0x60003000)
 * @param mask    the bits of {@code tag} that must match: 0xFFFFFFFF for a plain tag, 0xFF00FFFF
 *                for a repeating group, 0xFFFFFF00 for an element range
 * @param keyword the PS3.6 keyword, e.g. "PatientName" (the private dictionary's name for private entries)
 * @param vrs     the VRs the standard allows, the first being the one to assume in implicit VR
 *                ("US or SS" gives [US, SS]); empty for the item delimitation tags
 * @param vm      the value multiplicity as PS3.6 writes it ("1", "1-n", "2-2n")
 * @param retired true when PS3.6 lists the attribute as retired
 */
public record DictionaryEntry(int tag, int mask, String keyword, List<VR> vrs, String vm, boolean retired) {

    /** The VR to assume when the stream does not say (implicit VR): the first allowed one, UN when none. */
    public VR vr() {
        return vrs.isEmpty() ? VR.UN : vrs.get(0);
    }

    /** True when the standard allows more than one VR (e.g. "US or SS", "OB or OW"). */
    public boolean isAmbiguous() {
        return vrs.size() > 1;
    }
}
