/**
 * The PostgreSQL adapter against a real server: the whole contract kit ({@code jdbc:postgresql:} URIs through
 * the provider SPI, one fresh schema per store) and the adapter's own tests (migrations, faults, large
 * records, masking). {@link org.dicommeta.it.jdbc.PostgresServer} picks and prints the server.
 */
package org.dicommeta.it.jdbc;
