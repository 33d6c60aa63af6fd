/**
 * DICOM JSON (PS3.18 Annex F, §F.2): {@link org.dicommeta.codec.json.DicomJsonWriter} renders a
 * data set of the codec's model as the JSON the library stores, with every flag of
 * {@link org.dicommeta.codec.json.JsonWriteOptions}, and {@link org.dicommeta.codec.json.DicomJsonReader}
 * reads it back. Part of the codec, below the hexagon: the domain and the generation engine call
 * it to produce metadata records; it depends only on the data model, the dictionary and JSON-P.
 */
package org.dicommeta.codec.json;
