/**
 * Character sets of DICOM text: {@link org.dicommeta.codec.charset.SpecificCharacterSet} turns the
 * bytes of element values into Java strings and back for every Defined Term of Specific Character
 * Set (0008,0005) (PS3.3 §C.12.1.1.2, PS3.5 §6.1), ISO/IEC 2022 code extensions included, and
 * {@link org.dicommeta.codec.charset.PersonName} splits a person name into its component groups and
 * components (PS3.5 §6.2.1). It sits inside the codec, below the Part 10 reader and writer that call
 * it and beside the JSON and XML writers that use the person names; it depends only on the JDK's
 * {@code java.nio.charset} tables and the codec's {@link org.dicommeta.codec.VR}.
 */
package org.dicommeta.codec.charset;
