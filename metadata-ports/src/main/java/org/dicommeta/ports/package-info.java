/**
 * The driven ports of the hexagon: what a storage backend implements ({@link org.dicommeta.ports.MetadataStore})
 * and how the library finds one from a URI ({@link org.dicommeta.ports.StoreProvider}, through
 * {@link java.util.ServiceLoader}). Depends on the domain only and exposes no driver type: adapters
 * translate their drivers' exceptions into the domain's exception tree at this boundary.
 */
package org.dicommeta.ports;
