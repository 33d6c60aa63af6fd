/**
 * The data dictionary (PS3.6): for a tag, its keyword, VR, VM and retired status, including the
 * repeating groups 50xx, 60xx and 7Fxx (PS3.5 §7.6), group lengths and private creators (PS3.5
 * §7.2, §7.8), and vendor private elements keyed by their private creator. Readers use it to give
 * implicit VR elements a VR; writers use it for keywords. Generated data (see
 * {@code dicom-codec/tools/generate_dictionary.py}) loaded from class path resources on first use;
 * part of the codec, depending only on the data model package.
 */
package org.dicommeta.codec.dict;
