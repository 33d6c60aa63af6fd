/**
 * The contract kit on the file backend ({@code file:} URIs), through the provider SPI as users reach it.
 */
package org.dicommeta.it.filesystem;
