/**
 * Native DICOM Model XML (PS3.19 §A.1): {@link org.dicommeta.codec.xml.NativeXmlWriter} renders a
 * data set of the codec's model as the XML the library stores, with every flag of
 * {@link org.dicommeta.codec.xml.XmlWriteOptions}, and {@link org.dicommeta.codec.xml.NativeXmlReader}
 * (StAX, no DTDs) reads it back. Part of the codec, below the hexagon, beside the JSON package
 * whose rendering helpers it shares; it depends only on the data model, the dictionary and the JDK.
 */
package org.dicommeta.codec.xml;
